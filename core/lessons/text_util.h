#pragma once
// Small text helpers of the lesson linter: UTF-8 checks, character columns, quoting found text
// in messages, and "did you mean" suggestions.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ns::lessons {

// The byte offset of the first byte that is not valid UTF-8, if any.
std::optional<std::size_t> invalidUtf8(std::string_view text);

// Unicode characters in text[0, byteOffset) (byteOffset clamped to the text).
int characterCount(std::string_view text, std::size_t byteOffset);

std::string_view trim(std::string_view text);
bool startsWith(std::string_view text, std::string_view prefix);

// Text quoted for a message: '…' with at most `limit` characters (longer text ends in "…").
std::string quoted(std::string_view text, std::size_t limit = 40);

// The candidate closest to `word` (edit distance, ignoring case, '-' and '_'), if it is close
// enough to be a likely typo; empty otherwise.
std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates);

// "a, b or c"
std::string listOr(const std::vector<std::string>& words);

// A CommonMark code fence: a line of 3 or more ` or ~ indented at most 3 spaces (a ` fence's
// info text may hold no `). `info` gets the text after the fence. A fence closes on a line of
// the same character, at least as long, with nothing after it.
struct CodeFence {
    char c = 0;
    std::size_t length = 0;
};
std::optional<CodeFence> codeFenceOpening(std::string_view line, std::string* info = nullptr);
bool closesCodeFence(const CodeFence& fence, std::string_view line);

// Markdown turns a line break inside a paragraph into a space, which Chinese text does not
// have: "垃圾邮件\n过滤器" would read "垃圾邮件 过滤器". Joins such lines where the break falls
// between two Chinese characters (or Chinese punctuation), outside fenced code and hard breaks.
std::string joinCjkLineBreaks(std::string_view markdown);

// Byte offsets of closing "**" that CommonMark will not close because they stand between
// punctuation and a character ("**按播放。**然后" shows its asterisks; "**按播放**。然后" is
// bold). Pairs are counted per paragraph; code and escaped asterisks are skipped.
std::vector<std::size_t> unclosableStrong(std::string_view markdown);

}  // namespace ns::lessons
