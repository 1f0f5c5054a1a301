#include "io/dates.h"

#include <charconv>
#include <ctime>

namespace lineage::io {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A run of 1..max digits at text[*at], advanced past; -1 if none.
int Number(std::string_view text, std::size_t* at, std::size_t max) {
  std::size_t i = *at;
  int value = 0;
  while (i < text.size() && IsDigit(text[i]) && i - *at < max)
    value = value * 10 + (text[i++] - '0');
  if (i == *at || (i < text.size() && IsDigit(text[i]))) return -1;
  *at = i;
  return value;
}

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// What may follow a date in an ISO 8601 date-time: 'T' or ' ', a time, and
// an optional zone. Only its shape is checked: the date is kept as written.
bool IsTimeOfDay(std::string_view rest) {
  if (rest.empty()) return true;
  if (rest[0] != 'T' && rest[0] != ' ') return false;
  std::size_t i = 1;
  for (int part = 0; part < 3; ++part) {
    if (part > 0) {
      if (i >= rest.size() || rest[i] != ':') break;
      ++i;
    }
    if (i + 2 > rest.size() || !IsDigit(rest[i]) || !IsDigit(rest[i + 1]))
      return false;
    i += 2;
  }
  if (i < rest.size() && (rest[i] == '.' || rest[i] == ',')) {
    ++i;
    while (i < rest.size() && IsDigit(rest[i])) ++i;
  }
  while (i < rest.size() && rest[i] == ' ') ++i;
  if (i == rest.size()) return true;
  if (rest[i] == 'Z') return i + 1 == rest.size();
  if (rest[i] != '+' && rest[i] != '-') return rest.substr(i) == "UTC";
  ++i;
  std::size_t digits = 0;
  for (; i < rest.size(); ++i) {
    if (IsDigit(rest[i])) {
      ++digits;
    } else if (rest[i] != ':') {
      return false;
    }
  }
  return digits == 2 || digits == 4;
}

std::optional<LooseDate> FromUnixSeconds(std::string_view text) {
  long long seconds = 0;
  auto [ptr, ec] =
      std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (ec != std::errc() || ptr != text.data() + text.size())
    return std::nullopt;
  // Past year 9999 (and far before 1000) no Date can hold it; checking
  // before gmtime_r also keeps tm_year + 1900 from overflowing.
  constexpr long long kMax = 253402300799;  // 9999-12-31T23:59:59Z
  constexpr long long kMin = -30610224000;  // 1000-01-01T00:00:00Z
  if (seconds > kMax || seconds < kMin) return std::nullopt;
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  if (gmtime_r(&t, &tm) == nullptr) return std::nullopt;
  return LooseDate{{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday}, false};
}

}  // namespace

std::optional<LooseDate> ParseLooseDate(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  if (text.size() >= 9) {
    std::size_t digits = text[0] == '-' ? 1 : 0;
    while (digits < text.size() && IsDigit(text[digits])) ++digits;
    if (digits == text.size()) return FromUnixSeconds(text);
  }
  std::size_t at = 0;
  const int year = Number(text, &at, 4);
  if (year < 1000 || at != 4) return std::nullopt;
  LooseDate out;
  out.date.year = year;
  if (at == text.size()) return out;
  const char sep = text[at];
  if (sep != '-' && sep != '.' && sep != '/') return std::nullopt;
  ++at;
  const int month = Number(text, &at, 2);
  if (month < 0 || month > 12) return std::nullopt;
  int day = 0;
  const bool day_written = at < text.size() && text[at] == sep;
  if (day_written) {
    ++at;
    day = Number(text, &at, 2);
    if (day < 0) return std::nullopt;
  }
  // A time only after a full date ("2025-03-11 19:27"), not after a month.
  if (at < text.size() &&
      (sep != '-' || day == 0 || !IsTimeOfDay(text.substr(at))))
    return std::nullopt;
  if (month == 0) {
    // 1998-00 or 1998-00-00 (or 1998-00-05: a day without its month means
    // nothing more than the year).
    out.coarsened = true;
    return out;
  }
  out.date.month = month;
  if (day == 0) {
    out.coarsened = day_written;  // 2003.5.0
    return out;
  }
  if (day > DaysIn(year, month)) return std::nullopt;
  out.date.day = day;
  return out;
}

}  // namespace lineage::io
