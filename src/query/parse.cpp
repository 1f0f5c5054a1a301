#include "query/parse.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/text.h"

namespace lineage::query {
namespace {

struct Token {
  enum class Type {
    kWord,
    kString,
    kLParen,
    kRParen,
    kComma,
    kOp,
    kStar,
    kEquals,
    kEnd
  };
  Type type = Type::kEnd;
  std::string text;
  std::size_t column = 0;  // 1-based, in characters.
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsSpecial(char c) {
  return c == '(' || c == ')' || c == ',' || c == '+' || c == '&' || c == '*' ||
         c == '=' || c == '"' || c == '\'';
}

// Splits the query into tokens. Columns count characters, not bytes, so the
// caret lines up under non-ASCII names.
class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  base::Result<std::vector<Token>> Run() {
    std::vector<Token> tokens;
    while (true) {
      while (pos_ < text_.size() && IsSpace(text_[pos_])) Advance();
      Token t;
      t.column = column_;
      if (pos_ >= text_.size()) {
        t.type = Token::Type::kEnd;
        tokens.push_back(t);
        return tokens;
      }
      char c = text_[pos_];
      if (c == '"' || c == '\'') {
        auto s = String(c);
        if (!s.ok()) return s.status();
        t.type = Token::Type::kString;
        t.text = *s;
      } else if (c == '(' || c == ')' || c == ',' || c == '*' || c == '=' ||
                 c == '+' || c == '&') {
        Advance();
        t.type = c == '('   ? Token::Type::kLParen
                 : c == ')' ? Token::Type::kRParen
                 : c == ',' ? Token::Type::kComma
                 : c == '*' ? Token::Type::kStar
                 : c == '=' ? Token::Type::kEquals
                            : Token::Type::kOp;
        t.text = std::string(1, c);
      } else if (c == '-' &&
                 (pos_ + 1 >= text_.size() || IsSpace(text_[pos_ + 1]) ||
                  text_[pos_ + 1] == '(')) {
        Advance();
        t.type = Token::Type::kOp;
        t.text = "-";
      } else {
        t.type = Token::Type::kWord;
        while (pos_ < text_.size() && !IsSpace(text_[pos_]) &&
               !IsSpecial(text_[pos_])) {
          t.text += text_[pos_];
          Advance();
        }
      }
      tokens.push_back(std::move(t));
    }
  }

 private:
  void Advance() {
    // A new character starts at every byte that is not a UTF-8
    // continuation byte.
    ++pos_;
    if (pos_ >= text_.size() ||
        (static_cast<unsigned char>(text_[pos_]) & 0xC0) != 0x80)
      ++column_;
  }

  base::Result<std::string> String(char quote) {
    std::size_t start = column_;
    Advance();
    std::string out;
    while (pos_ < text_.size() && text_[pos_] != quote) {
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) Advance();
      out += text_[pos_];
      Advance();
    }
    if (pos_ >= text_.size()) {
      return base::Status::InvalidArgument(WithCaret(
          text_, start,
          fmt::format("syntax error: string opened here is never closed with "
                      "{}",
                      quote)));
    }
    Advance();
    return out;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t column_ = 1;
};

class Parser {
 public:
  Parser(std::string_view text, std::vector<Token> tokens,
         const ParseOptions& options)
      : text_(text), tokens_(std::move(tokens)), options_(options) {}

  base::Result<std::unique_ptr<Node>> Run() {
    if (Peek().type == Token::Type::kEnd)
      return Error(Peek(), "the query is empty; expected an expression");
    auto node = Query();
    if (!node.ok()) return node;
    if (Peek().type != Token::Type::kEnd) {
      return Error(Peek(), Peek().type == Token::Type::kRParen
                               ? "unbalanced ')': nothing to close"
                               : "expected an operator (+, -, &) or the end");
    }
    return node;
  }

 private:
  using Result = base::Result<std::unique_ptr<Node>>;

  const Token& Peek() const { return tokens_[pos_]; }
  Token Next() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }
  bool IsWord(const Token& t, std::string_view word) const {
    return t.type == Token::Type::kWord && t.text == word;
  }

  base::Status Error(const Token& at, std::string_view what) const {
    std::string found = at.type == Token::Type::kEnd
                            ? "the end of the query"
                            : fmt::format("'{}'", at.text);
    return base::Status::InvalidArgument(
        WithCaret(text_, at.column,
                  fmt::format("syntax error at column {}: {} (found {})",
                              at.column, what, found)));
  }

  // Every nested query goes through here, so the depth bound holds for
  // parentheses, calls and lets alike.
  Result Query() {
    if (++depth_ > options_.max_depth) {
      return base::Status::InvalidArgument(
          WithCaret(text_, Peek().column,
                    fmt::format("the query nests deeper than {} levels",
                                options_.max_depth)));
    }
    Result r = IsWord(Peek(), "let") ? Let() : SetOps();
    --depth_;
    return r;
  }

  Result Let() {
    Token let = Next();
    if (Peek().type != Token::Type::kWord || IsKeyword(Peek().text))
      return Error(Peek(), "expected a name after 'let'");
    auto node = std::make_unique<Node>();
    node->type = Node::Type::kLet;
    node->column = let.column;
    node->text = Next().text;
    if (Peek().type != Token::Type::kEquals)
      return Error(Peek(), "expected '=' after 'let " + node->text + "'");
    Next();
    auto value = Query();
    if (!value.ok()) return value;
    if (!IsWord(Peek(), "in"))
      return Error(Peek(),
                   "expected 'in' after the value of '" + node->text + "'");
    Next();
    auto body = Query();
    if (!body.ok()) return body;
    node->children.push_back(std::move(value).value());
    node->children.push_back(std::move(body).value());
    return node;
  }

  // Parses `sub (op sub)*` into one flat node, so long chains of operators
  // make a wide tree, not a deep one.
  template <typename Sub, typename IsOp>
  Result Chain(Sub sub, IsOp is_op) {
    auto first = (this->*sub)();
    if (!first.ok()) return first;
    char op = 0;
    if (!is_op(Peek(), &op)) return first;
    auto node = std::make_unique<Node>();
    node->type = Node::Type::kSetOps;
    node->column = (*first)->column;
    node->children.push_back(std::move(first).value());
    while (is_op(Peek(), &op)) {
      Next();
      auto next = (this->*sub)();
      if (!next.ok()) return next;
      node->ops.push_back(op);
      node->children.push_back(std::move(next).value());
    }
    return node;
  }

  Result SetOps() {
    return Chain(&Parser::Intersections, [this](const Token& t, char* op) {
      if ((t.type == Token::Type::kOp && t.text == "+") || IsWord(t, "union")) {
        *op = '+';
        return true;
      }
      if ((t.type == Token::Type::kOp && t.text == "-") ||
          IsWord(t, "except")) {
        *op = '-';
        return true;
      }
      return false;
    });
  }

  Result Intersections() {
    return Chain(&Parser::Primary, [this](const Token& t, char* op) {
      if ((t.type == Token::Type::kOp && t.text == "&") ||
          IsWord(t, "intersect")) {
        *op = '&';
        return true;
      }
      return false;
    });
  }

  static bool IsKeyword(std::string_view w) {
    return w == "let" || w == "in" || w == "union" || w == "intersect" ||
           w == "except" || w == "all";
  }

  Result Primary() {
    const Token& t = Peek();
    auto node = std::make_unique<Node>();
    node->column = t.column;
    switch (t.type) {
      case Token::Type::kLParen: {
        Next();
        auto inner = Query();
        if (!inner.ok()) return inner;
        if (Peek().type != Token::Type::kRParen)
          return Error(Peek(), fmt::format("expected ')' to close the '(' at "
                                           "column {}",
                                           t.column));
        Next();
        return inner;
      }
      case Token::Type::kStar:
        Next();
        node->type = Node::Type::kAll;
        return node;
      case Token::Type::kString:
        node->type = Node::Type::kString;
        node->text = Next().text;
        return node;
      case Token::Type::kWord:
        if (t.text == "all") {
          // Keeps its text: as an argument, 'all' may be a relation.
          node->text = Next().text;
          node->type = Node::Type::kAll;
          return node;
        }
        if (IsKeyword(t.text))
          return Error(t, "expected a work, a function or '('");
        node->text = Next().text;
        if (Peek().type != Token::Type::kLParen) {
          node->type = Node::Type::kWord;
          return node;
        }
        return Call(std::move(node));
      default:
        return Error(t, "expected a work, a function or '('");
    }
  }

  Result Call(std::unique_ptr<Node> node) {
    node->type = Node::Type::kCall;
    const Token open = Next();
    if (++depth_ > options_.max_depth) {
      return base::Status::InvalidArgument(
          WithCaret(text_, open.column,
                    fmt::format("the query nests deeper than {} levels",
                                options_.max_depth)));
    }
    while (true) {
      auto arg = Query();
      if (!arg.ok()) return arg;
      node->children.push_back(std::move(arg).value());
      if (Peek().type == Token::Type::kComma) {
        Next();
        continue;
      }
      if (Peek().type == Token::Type::kRParen) {
        Next();
        break;
      }
      return Error(Peek(), fmt::format("expected ',' or ')' in the call of "
                                       "'{}' opened at column {}",
                                       node->text, open.column));
    }
    --depth_;
    return node;
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  const ParseOptions& options_;
  std::size_t pos_ = 0;
  std::size_t depth_ = 0;
};

}  // namespace

std::string WithCaret(std::string_view query, std::size_t column,
                      std::string_view message) {
  // Show the query on one line: newlines and tabs become spaces (one
  // character each, so columns still line up).
  // Split into characters (UTF-8 sequences) so that columns line up.
  std::vector<std::string> chars;
  for (char c : query) {
    bool continuation = (static_cast<unsigned char>(c) & 0xC0) == 0x80;
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (continuation && !chars.empty()) {
      chars.back() += c;
    } else {
      chars.emplace_back(1, c);
    }
  }
  // A long query is shown as a window around the column.
  constexpr std::size_t kBefore = 60, kAfter = 20;
  std::size_t at = column > 0 ? column - 1 : 0;
  std::size_t first = at > kBefore ? at - kBefore : 0;
  std::size_t last = std::min(chars.size(), at + kAfter);
  std::string line = first > 0 ? "…" : "";
  std::size_t caret = at - first + (first > 0 ? 1 : 0);
  for (std::size_t i = first; i < last; ++i) line += chars[i];
  if (last < chars.size()) line += "…";
  return fmt::format("{}\n  {}\n  {}^", message, line, std::string(caret, ' '));
}

base::Result<std::unique_ptr<Node>> Parse(std::string_view text,
                                          const ParseOptions& options) {
  if (text.size() > options.max_length) {
    return base::Status::InvalidArgument(
        fmt::format("the query is {} bytes, more than the limit of {}",
                    text.size(), options.max_length));
  }
  if (std::size_t bad = base::FindInvalidText(text);
      bad != std::string_view::npos) {
    return base::Status::InvalidArgument(fmt::format(
        "the query has a byte that is not UTF-8 text (0x{:02x} at byte {})",
        static_cast<unsigned char>(text[bad]), bad + 1));
  }
  auto tokens = Lexer(text).Run();
  if (!tokens.ok()) return tokens.status();
  return Parser(text, std::move(tokens).value(), options).Run();
}

}  // namespace lineage::query
