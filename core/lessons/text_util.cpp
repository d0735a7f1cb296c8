#include "lessons/text_util.h"

#include <algorithm>
#include <cctype>

namespace ns::lessons {

std::optional<std::size_t> invalidUtf8(std::string_view text) {
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        char32_t minimum = 0;
        char32_t value = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            length = 2, minimum = 0x80, value = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3, minimum = 0x800, value = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4, minimum = 0x10000, value = c & 0x07;
        } else {
            return i;
        }
        if (i + length > n) return i;
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return i;
            value = (value << 6) | (next & 0x3F);
        }
        // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not UTF-8.
        if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return i;
        i += length;
    }
    return std::nullopt;
}

int characterCount(std::string_view text, std::size_t byteOffset) {
    byteOffset = std::min(byteOffset, text.size());
    int count = 0;
    for (std::size_t i = 0; i < byteOffset; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
    return count;
}

std::string_view trim(std::string_view text) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && space(text.front())) text.remove_prefix(1);
    while (!text.empty() && space(text.back())) text.remove_suffix(1);
    return text;
}

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

std::string quoted(std::string_view text, std::size_t limit) {
    std::string out = "'";
    std::size_t characters = 0;
    std::size_t i = 0;
    for (; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c & 0xC0) != 0x80) {
            if (characters == limit) break;
            ++characters;
        }
        out += static_cast<char>(c);
    }
    if (i < text.size()) out += "…";
    out += "'";
    return out;
}

namespace {

std::string normalized(std::string_view word) {
    std::string out;
    for (char c : word) {
        if (c == '-' || c == '_' || c == ' ') continue;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
std::size_t distance(const std::string& a, const std::string& b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.size()][b.size()];
}

}  // namespace

std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates) {
    const std::string w = normalized(word.substr(0, 64));
    if (w.empty()) return {};
    std::string best;
    std::size_t bestDistance = 0;
    for (const std::string& candidate : candidates) {
        const std::string c = normalized(candidate);
        std::size_t d = distance(w, c);
        // A prefix of at least 4 characters ("learn" for "learning_rate") is a likely typo too.
        if (w.size() >= 4 && c.size() > w.size() && c.compare(0, w.size(), w) == 0) d = std::min<std::size_t>(d, 1);
        if (best.empty() || d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    const std::size_t allowed = std::max<std::size_t>(1, std::min(w.size(), normalized(best).size()) / 3);
    return bestDistance <= allowed ? best : std::string();
}

std::string listOr(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) out += i + 1 == words.size() ? " or " : ", ";
        out += words[i];
    }
    return out;
}

namespace {

std::size_t spacesBefore(std::string_view line) {
    std::size_t indent = 0;
    while (indent < line.size() && line[indent] == ' ') ++indent;
    return indent;
}

}  // namespace

std::optional<CodeFence> codeFenceOpening(std::string_view line, std::string* info) {
    const std::size_t indent = spacesBefore(line);
    if (indent > 3 || indent >= line.size()) return std::nullopt;
    const char c = line[indent];
    if (c != '`' && c != '~') return std::nullopt;
    std::size_t n = indent;
    while (n < line.size() && line[n] == c) ++n;
    if (n - indent < 3) return std::nullopt;
    const std::string_view rest = line.substr(n);
    if (c == '`' && rest.find('`') != std::string_view::npos) return std::nullopt;
    if (info) *info = std::string(trim(rest));
    return CodeFence{c, n - indent};
}

bool closesCodeFence(const CodeFence& fence, std::string_view line) {
    const std::size_t indent = spacesBefore(line);
    if (indent > 3) return false;
    std::size_t n = indent;
    while (n < line.size() && line[n] == fence.c) ++n;
    return n - indent >= fence.length && trim(line.substr(n)).empty();
}

namespace {

// The code point that starts at `at`, and its length (a broken sequence counts as one byte).
std::pair<char32_t, std::size_t> decodeAt(std::string_view text, std::size_t at) {
    const auto b = static_cast<unsigned char>(text[at]);
    const std::size_t length = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
    if (length == 1 || at + length > text.size()) return {b, 1};
    char32_t c = b & (0xFF >> (length + 1));
    for (std::size_t i = 1; i < length; ++i) c = (c << 6) | (static_cast<unsigned char>(text[at + i]) & 0x3F);
    return {c, length};
}

// The last code point of text (which must not be empty).
char32_t lastCodePoint(std::string_view text) {
    std::size_t at = text.size() - 1;
    while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    return decodeAt(text, at).first;
}

bool isHan(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x20000 && c <= 0x2FFFF);
}

// Punctuation Chinese text shares with Western text: quotes, dashes, ellipsis.
bool isSharedPunctuation(char32_t c) { return (c >= 0x2014 && c <= 0x201D) || c == 0x2026; }

}  // namespace

std::string joinCjkLineBreaks(std::string_view markdown) {
    std::string out;
    out.reserve(markdown.size());
    std::optional<CodeFence> fence;
    std::size_t at = 0;
    while (at < markdown.size()) {
        const std::size_t end = std::min(markdown.find('\n', at), markdown.size());
        const std::string_view line = markdown.substr(at, end - at);
        const std::string_view body = trim(line);
        if (fence) {
            if (closesCodeFence(*fence, line)) fence.reset();
        } else {
            fence = codeFenceOpening(line);
        }
        const bool fenced = fence.has_value();
        out.append(line);
        at = end;
        if (at >= markdown.size()) break;
        ++at;  // the '\n'
        const std::size_t nextStart = markdown.find_first_not_of(" \t", at);
        const bool hardBreak = line.ends_with("  ") || line.ends_with("\\");
        bool join = !fenced && !hardBreak && !body.empty() && nextStart != std::string_view::npos &&
                    markdown[nextStart] != '\n' && !line.ends_with(' ') && !line.ends_with('\t');
        if (join) {
            const char32_t before = lastCodePoint(line);
            const char32_t after = decodeAt(markdown, nextStart).first;
            join = (isHan(before) || isSharedPunctuation(before)) && (isHan(after) || isSharedPunctuation(after)) &&
                   (isHan(before) || isHan(after));
        }
        if (join) at = nextStart;
        else out += '\n';
    }
    return out;
}

namespace {

bool isPunctuation(char32_t c) {
    if (c < 0x80) return std::ispunct(static_cast<int>(c)) != 0;
    return (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) || (c >= 0x3000 && c <= 0x303F) ||
           (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
           (c >= 0xFF5B && c <= 0xFF65);
}

bool isSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == 0x3000 || c == 0xA0; }

}  // namespace

std::vector<std::size_t> unclosableStrong(std::string_view markdown) {
    std::vector<std::size_t> bad;
    std::vector<std::size_t> tokens;  // "**" of the current paragraph
    auto endParagraph = [&] {
        if (tokens.size() % 2 == 0)
            for (std::size_t i = 1; i < tokens.size(); i += 2) {
                const std::size_t at = tokens[i];
                if (at == 0 || at + 2 >= markdown.size()) continue;
                const char32_t before = lastCodePoint(markdown.substr(0, at));
                const char32_t after = decodeAt(markdown, at + 2).first;
                if (isPunctuation(before) && !isSpace(after) && !isPunctuation(after)) bad.push_back(at);
            }
        tokens.clear();
    };
    std::optional<CodeFence> fence;
    std::size_t at = 0;
    while (at < markdown.size()) {
        const std::size_t end = std::min(markdown.find('\n', at), markdown.size());
        const std::string_view line = markdown.substr(at, end - at);
        if (fence) {
            if (closesCodeFence(*fence, line)) fence.reset();
        } else if ((fence = codeFenceOpening(line)) || trim(line).empty()) {
            endParagraph();
        } else {
            bool code = false, math = false;
            for (std::size_t i = 0; i < line.size(); ++i) {
                const char c = line[i];
                if (c == '\\') {
                    ++i;  // an escaped character
                } else if (c == '`' && !math) {
                    code = !code;
                } else if (c == '$' && !code) {
                    math = !math;
                } else if (c == '*' && !code && !math) {
                    std::size_t run = 1;
                    while (i + run < line.size() && line[i + run] == '*') ++run;
                    if (run == 2) tokens.push_back(at + i);
                    i += run - 1;
                }
            }
        }
        at = end + 1;
    }
    endParagraph();
    return bad;
}

}  // namespace ns::lessons
