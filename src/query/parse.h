// The lineage query language: a tokenizer and a recursive-descent parser.
// The grammar and every function are documented in docs/query.md.
//
//   query   := 'let' NAME '=' query 'in' query | union
//   union   := inter (('+' | 'union' | '-' | 'except') inter)*
//   inter   := primary (('&' | 'intersect') primary)*
//   primary := '(' query ')' | NAME '(' query (',' query)* ')'
//            | WORD | STRING | '*' | 'all'
//
// '&' binds tighter than '+' and '-', which are left-associative. A '-'
// stands alone as an operator (spaces around it); inside a word it is part
// of the word, so `dall-e-2 - gan` is DALL·E 2 except GAN.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace lineage::query {

struct Node {
  enum class Type {
    kWord,    // A bare word: a work name, a let name, or a plain argument.
    kString,  // A quoted string.
    kAll,     // '*' or 'all': every work.
    kCall,    // text(children...).
    kSetOps,  // children[0] ops[0] children[1] ops[1] children[2] ...
    kLet,     // let text = children[0] in children[1].
  };
  Type type = Type::kWord;
  std::string text;
  std::vector<char> ops;  // kSetOps: '+', '-' or '&' between children.
  std::vector<std::unique_ptr<Node>> children;
  std::size_t column = 0;  // 1-based, in characters, for error carets.
};

struct ParseOptions {
  std::size_t max_depth = 200;      // Nested parentheses and calls.
  std::size_t max_length = 65'536;  // Bytes of query text.
};

// Parses a query. Fails with kInvalidArgument whose message shows the query
// with a caret under the offending column and what was expected there.
// Never recurses deeper than max_depth. O(n).
base::Result<std::unique_ptr<Node>> Parse(std::string_view text,
                                          const ParseOptions& options = {});

// "message\n  query\n  ^" with the caret under `column` (1-based, in
// characters). Shared by the parser and the evaluator.
std::string WithCaret(std::string_view query, std::size_t column,
                      std::string_view message);

}  // namespace lineage::query
