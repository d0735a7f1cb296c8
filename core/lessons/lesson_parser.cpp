#include "lessons/lesson_parser.h"

#include "base/size_limits.h"
#include "lessons/field_workspaces.h"
#include "lessons/text_util.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <map>
#include <regex>
#include <set>

namespace ns::lessons {

std::string Diagnostic::format() const {
    if (position.line <= 0) return file + ": " + message;
    return file + ":" + std::to_string(position.line) + ":" + std::to_string(std::max(1, position.column)) +
           ": " + message;
}

const std::vector<int>& textbookSizes() {
    static const std::vector<int> sizes{4, 8, 4, 1};
    return sizes;
}

long stepperValueCount(const std::vector<int>& sizes) {
    long neurons = 0, weights = 0;
    for (std::size_t l = 1; l < sizes.size(); ++l) {
        neurons += sizes[l];
        weights += static_cast<long>(sizes[l]) * sizes[l - 1];
    }
    // forward: z and a per neuron; the loss; backward: δ per neuron, ∂W per weight, ∂b per
    // neuron; update: every weight and bias.
    return 2 * neurons + 1 + (neurons + weights + neurons) + (weights + neurons);
}

namespace {

std::string numberText(double v) {
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, v);
    return error == std::errc() ? std::string(buffer, end) : std::to_string(v);
}

template <typename T>
struct Named {
    std::string name;
    T value;
};

// The table of a core enum from its name() function.
template <typename T>
std::vector<Named<T>> tableOf(const std::vector<T>& values) {
    std::vector<Named<T>> table;
    for (T v : values) table.push_back({std::string(name(v)), v});
    return table;
}

template <typename T>
std::vector<std::string> namesOf(const std::vector<Named<T>>& table) {
    std::vector<std::string> names;
    for (const auto& entry : table) names.emplace_back(entry.name);
    return names;
}

const std::vector<Named<View>> kViews{{"network", View::Network},       {"stepper", View::Stepper},
                                      {"graph", View::Graph},           {"perceptron", View::Perceptron},
                                      {"functions", View::Functions},   {"lab", View::Lab},
                                      {"convolution", View::Convolution}, {"cnn", View::Cnn},
                                      {"residual", View::Residual}, {"sequence", View::Sequence},
                                      {"embedding", View::Embedding}, {"gridworld", View::GridWorld},
                                      {"bandit", View::Bandit}, {"cartpole", View::CartPole}};
std::string viewName(View v) {
    for (const auto& entry : kViews)
        if (entry.value == v) return std::string(entry.name);
    return {};
}
const std::vector<Named<Gate>> kGates{{"and", Gate::And}, {"or", Gate::Or},   {"nand", Gate::Nand},
                                      {"nor", Gate::Nor}, {"not", Gate::Not}, {"xor", Gate::Xor}};
const std::vector<Named<PerceptronMode>> kModes{
    {"learn", PerceptronMode::Learn}, {"manual", PerceptronMode::Manual}, {"hidden", PerceptronMode::Hidden}};
const std::vector<Named<Initialization>> kInits{{"he", Initialization::He}, {"xavier", Initialization::Xavier}};
const std::vector<Named<Granularity>> kGranularities{{"value", Granularity::Value},
                                                     {"layer", Granularity::Layer}};
const std::vector<Named<StepPhase>> kPhases{{"forward", StepPhase::Forward},
                                            {"loss", StepPhase::Loss},
                                            {"backward", StepPhase::Backward},
                                            {"update", StepPhase::Update}};

std::vector<Named<Activation>> activationTable() { return tableOf(allActivations()); }
std::vector<Named<LabLoss>> lossTable() { return tableOf(allLabLosses()); }
std::vector<Named<Control>> controlTable() { return tableOf(allControls()); }
std::vector<Named<OptimizerKind>> optimizerTable() { return tableOf(allOptimizers()); }
std::vector<Named<ScheduleKind>> scheduleTable() { return tableOf(allSchedules()); }
std::vector<Named<DatasetKind>> datasetTable() { return tableOf(allDatasets()); }

// ---------------------------------------------------------------------------------------------
// Reading a document: lines, and YAML node positions mapped back to the file.

class Document {
public:
    Document(std::string path, std::vector<Diagnostic>& diagnostics)
        : path_(std::move(path)), diagnostics_(diagnostics) {}

    // Normalises line endings and splits; false (with a diagnostic) if the bytes are unusable.
    bool load(std::string_view raw) {
        if (raw.size() > kMaxLessonBytes) {
            error({}, "expected a file of at most 1 MiB, found " + std::to_string(raw.size()) + " bytes");
            return false;
        }
        if (const auto bad = invalidUtf8(raw)) {
            const std::string_view before = raw.substr(0, *bad);
            const int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
            const std::size_t lineStart = before.rfind('\n');
            const std::size_t from = lineStart == std::string_view::npos ? 0 : lineStart + 1;
            char byte[8];
            std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(raw[*bad]));
            error({line, 1 + characterCount(raw.substr(from), *bad - from)},
                  std::string("expected UTF-8 text, found the byte ") + byte);
            return false;
        }
        if (startsWith(raw, "\xEF\xBB\xBF")) raw.remove_prefix(3);
        text_.reserve(raw.size());
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] == '\r') {
                text_ += '\n';
                if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
            } else if (raw[i] == '\0') {
                const std::string_view before = raw.substr(0, i);
                error({1 + static_cast<int>(std::count(before.begin(), before.end(), '\n')), 1},
                      "expected text, found a NUL byte");
                return false;
            } else {
                text_ += raw[i];
            }
        }
        std::size_t start = 0;
        while (start <= text_.size()) {
            std::size_t end = text_.find('\n', start);
            if (end == std::string::npos) end = text_.size();
            lines_.emplace_back(text_.data() + start, end - start);
            start = end + 1;
        }
        if (!text_.empty() && text_.back() == '\n') lines_.pop_back();
        return true;
    }

    const std::string& path() const { return path_; }
    int lineCount() const { return static_cast<int>(lines_.size()); }
    std::string_view line(int oneBased) const {
        return oneBased >= 1 && oneBased <= lineCount() ? lines_[static_cast<std::size_t>(oneBased - 1)]
                                                         : std::string_view();
    }

    void error(Position at, std::string message) {
        diagnostics_.push_back({path_, at, std::move(message)});
    }
    std::size_t errorCount() const { return diagnostics_.size(); }

    // Joined lines [first, last] (1-based, inclusive) for yaml-cpp.
    std::string joined(int first, int last) const {
        std::string out;
        for (int l = first; l <= last; ++l) {
            out += line(l);
            out += '\n';
        }
        return out;
    }

private:
    std::string path_;
    std::vector<Diagnostic>& diagnostics_;
    std::string text_;
    std::vector<std::string_view> lines_;
};

// Schema checks of one YAML block; knows which file line the block starts on.
class Block {
public:
    Block(Document& document, int firstLine, std::vector<MathSpan>& formulas)
        : doc_(document), firstLine_(firstLine), formulas_(formulas) {}

    // Parses lines [firstLine, lastLine]; an empty optional after a syntax error (reported).
    std::optional<YAML::Node> parse(int lastLine) {
        try {
            return YAML::Load(doc_.joined(firstLine_, lastLine));
        } catch (const YAML::Exception& e) {
            Position at = e.mark.is_null() ? Position{firstLine_, 1} : positionOf(e.mark);
            doc_.error(at, "expected well-formed YAML, found a syntax error (" + e.msg + ")");
        }
        return std::nullopt;
    }

    Position positionOf(const YAML::Mark& mark) const {
        if (mark.is_null()) return {firstLine_, 1};
        const int line = firstLine_ + mark.line;
        return {line, 1 + characterCount(doc_.line(line), static_cast<std::size_t>(mark.column))};
    }
    // A node's position; `fallback` for a missing node (yaml-cpp's zombie nodes throw when asked).
    Position at(const YAML::Node& node, Position fallback) const {
        if (!node.IsDefined()) return fallback;
        const YAML::Mark mark = node.Mark();
        return mark.is_null() ? fallback : positionOf(mark);
    }

    void error(Position at, std::string message) { doc_.error(at, std::move(message)); }

    static bool isPlain(const YAML::Node& node) {
        return node.IsDefined() && node.IsScalar() && node.Tag() == "?";
    }

    static std::string describe(const YAML::Node& node) {
        if (!node.IsDefined() || node.IsNull()) return "nothing";
        if (node.IsSequence()) return "a list";
        if (node.IsMap()) return "a map of keys";
        if (isPlain(node)) return quoted(node.Scalar());
        return "the quoted text " + quoted(node.Scalar());
    }

    // Checks a map's keys: each a known one, none twice, the required ones present. Returns
    // false when the node is not a map at all.
    bool keys(const YAML::Node& map, Position where, const std::vector<std::string>& allowed,
              const std::vector<std::string>& required, const std::string& what, const std::string& in) {
        if (!map.IsDefined() || !map.IsMap()) {
            error(at(map, where), "expected a map of " + what + "s (key: value lines) " + in + ", found " +
                                      describe(map));
            return false;
        }
        std::map<std::string, Position> seen;
        for (const auto& entry : map) {
            const Position keyAt = at(entry.first, where);
            if (!entry.first.IsScalar()) {
                error(keyAt, "expected " + article(what) + " " + in + ", found " + describe(entry.first));
                continue;
            }
            const std::string key = entry.first.Scalar();
            if (const auto it = seen.find(key); it != seen.end()) {
                error(keyAt, "expected each key once " + in + ", found a second '" + key + "' (the first is at line " +
                                 std::to_string(it->second.line) + ")");
                continue;
            }
            seen.emplace(key, keyAt);
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
                std::string guess = closestMatch(key, allowed);
                // Other names people give Chinese text.
                static const std::vector<std::string> chinese{"cn", "zh-cn", "zh_cn", "zh-hans", "chinese", "zh-CN",
                                                               "zh_CN", "zh-Hans", "Chinese"};
                if (std::find(allowed.begin(), allowed.end(), "zh") != allowed.end() &&
                    std::find(chinese.begin(), chinese.end(), key) != chinese.end())
                    guess = "zh";
                if (!guess.empty())
                    error(keyAt, "expected " + article(what) + ", found " + quoted(key) + " (did you mean '" + guess +
                                     "'?)");
                else
                    error(keyAt, "expected " + article(what) + " (" + listOr(allowed) + "), found " + quoted(key));
            }
        }
        for (const std::string& key : required)
            if (!seen.count(key))
                error(at(map, where), "expected the key '" + key + "' " + in + ", found none");
        return true;
    }

    static std::string article(const std::string& what) {
        const char c = what.empty() ? 'x' : what[0];
        return (std::string("aeiou").find(c) != std::string::npos ? "an " : "a ") + what;
    }

    // ---- scalars ----

    std::optional<double> number(const YAML::Node& node, Position where, const std::string& what, double low,
                                 double high, bool lowOpen = false) {
        const Position p = at(node, where);
        const std::string range = lowOpen ? "above " + numberText(low) + " and up to " + numberText(high)
                                          : "from " + numberText(low) + " to " + numberText(high);
        if (!isPlain(node)) {
            error(p, "expected " + what + " " + range + ", found " + describe(node));
            return std::nullopt;
        }
        const std::string& s = node.Scalar();
        double v = 0;
        std::string_view text = s;
        if (!text.empty() && text.front() == '+') text.remove_prefix(1);
        const auto [end, problem] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (text.empty() || problem != std::errc() || end != text.data() + text.size() || !std::isfinite(v)) {
            error(p, "expected " + what + " " + range + ", found " + quoted(s));
            return std::nullopt;
        }
        if (v > high || v < low || (lowOpen && v == low)) {
            error(p, "expected " + what + " " + range + ", found " + quoted(s));
            return std::nullopt;
        }
        return v;
    }

    std::optional<long> whole(const YAML::Node& node, Position where, const std::string& what, long low,
                              long high) {
        const Position p = at(node, where);
        const std::string range = "from " + std::to_string(low) + " to " + std::to_string(high);
        static const std::regex integer("[+-]?[0-9]{1,18}");
        if (!isPlain(node) || !std::regex_match(node.Scalar(), integer)) {
            error(p, "expected " + what + " (a whole number " + range + "), found " + describe(node));
            return std::nullopt;
        }
        const long v = std::stol(node.Scalar());
        if (v < low || v > high) {
            error(p, "expected " + what + " " + range + ", found " + quoted(node.Scalar()));
            return std::nullopt;
        }
        return v;
    }

    std::optional<bool> flag(const YAML::Node& node, Position where, const std::string& what) {
        if (isPlain(node) && (node.Scalar() == "true" || node.Scalar() == "false")) return node.Scalar() == "true";
        error(at(node, where), "expected true or false for " + what + ", found " + describe(node));
        return std::nullopt;
    }

    template <typename T>
    std::optional<T> named(const YAML::Node& node, Position where, const std::string& what,
                           const std::vector<Named<T>>& table) {
        const Position p = at(node, where);
        const std::vector<std::string> names = namesOf(table);
        if (node.IsDefined() && node.IsScalar()) {
            for (const auto& entry : table)
                if (node.Scalar() == entry.name) return entry.value;
            const std::string guess = closestMatch(node.Scalar(), names);
            if (!guess.empty()) {
                error(p, "expected " + what + " (" + listOr(names) + "), found " + quoted(node.Scalar()) +
                             " (did you mean '" + guess + "'?)");
                return std::nullopt;
            }
        }
        error(p, "expected " + what + " (" + listOr(names) + "), found " + describe(node));
        return std::nullopt;
    }

    std::optional<std::string> word(const YAML::Node& node, Position where, const std::string& what,
                                    const std::vector<std::string>& names) {
        std::vector<Named<int>> table;
        for (std::size_t i = 0; i < names.size(); ++i) table.push_back({names[i], static_cast<int>(i)});
        const auto index = named(node, where, what, table);
        if (!index) return std::nullopt;
        return names[static_cast<std::size_t>(*index)];
    }

    bool list(const YAML::Node& node, Position where, const std::string& what, std::size_t low,
              std::size_t high) {
        if (!node.IsDefined() || !node.IsSequence()) {
            error(at(node, where), "expected " + what + " (a list like [a, b]), found " + describe(node));
            return false;
        }
        if (node.size() < low || node.size() > high) {
            error(at(node, where), "expected " + what + " with " +
                                       (low == high ? std::to_string(low)
                                                    : std::to_string(low) + " to " + std::to_string(high)) +
                                       " entries, found " + std::to_string(node.size()));
            return false;
        }
        return true;
    }

    // A text in both languages: {en: …, zh: …}; with `neutral`, a plain string stands for both.
    std::optional<Text> text(const YAML::Node& node, Position where, const std::string& what, bool neutral) {
        const Position p = at(node, where);
        Text result;
        result.position = p;
        if (neutral && node.IsDefined() && node.IsScalar()) {
            const std::string s = node.Scalar();
            if (trim(s).empty()) {
                error(p, "expected " + what + ", found empty text");
                return std::nullopt;
            }
            result.en = result.zh = s;
            commentCutsText(node, p, s);
            collectFormulas(node, p, s);
            return result;
        }
        if (!node.IsDefined() || !node.IsMap()) {
            error(p, "expected " + what + " in both languages ({en: …, zh: …}), found " + describe(node));
            return std::nullopt;
        }
        const std::size_t before = doc_.errorCount();
        if (!keys(node, p, {"en", "zh"}, {"en", "zh"}, "language key", "in " + what)) return std::nullopt;
        for (const char* language : {"en", "zh"}) {
            const YAML::Node value = node[language];
            if (!value.IsDefined()) continue;
            const Position vp = at(value, p);
            if (!value.IsScalar() || trim(value.Scalar()).empty()) {
                error(vp, std::string("expected the ") + (language[0] == 'e' ? "English" : "Chinese") + " text of " +
                              what + ", found " + (value.IsScalar() ? "empty text" : describe(value)));
                continue;
            }
            (language[0] == 'e' ? result.en : result.zh) = value.Scalar();
            commentCutsText(value, vp, value.Scalar());
            collectFormulas(value, vp, value.Scalar());
        }
        if (doc_.errorCount() != before) return std::nullopt;
        return result;
    }

    // In YAML, " #" ends an unquoted text and starts a comment: "the Sample # box" would silently
    // lose its end. Say so, where the comment starts.
    void commentCutsText(const YAML::Node& node, Position p, const std::string& value) {
        if (!isPlain(node) || value.find('\n') != std::string::npos || node.Mark().is_null()) return;
        const std::string_view line = doc_.line(p.line);
        const auto column = static_cast<std::size_t>(node.Mark().column);
        if (column > line.size() || line.substr(column, value.size()) != value) return;
        const std::string_view rest = line.substr(column + value.size());
        const std::size_t hash = rest.find_first_not_of(" \t");
        if (hash == std::string_view::npos || rest[hash] != '#') return;
        const int at = static_cast<int>(column + value.size() + hash) + 1;
        error({p.line, at}, "expected the text to go on, found a YAML comment that cuts it off at '" +
                                std::string(rest.substr(hash, 24)) + "' (put the whole text in quotes)");
    }

    // Formulas inside a YAML text: exact positions when the value is a one-line plain scalar
    // that appears verbatim in the file, otherwise the value's position.
    void collectFormulas(const YAML::Node& node, Position p, const std::string& value) {
        bool exact = false;
        if (isPlain(node) && value.find('\n') == std::string::npos && !node.Mark().is_null()) {
            const std::string_view line = doc_.line(p.line);
            exact = line.substr(static_cast<std::size_t>(node.Mark().column)).substr(0, value.size()) == value;
        }
        scan(value, p, exact);
    }

    void scan(std::string_view markdown, Position origin, bool exact) {
        MathScan found = scanMath(markdown, origin, exact);
        for (const MathProblem& problem : found.problems) error(problem.position, problem.message);
        for (MathSpan& span : found.spans) {
            const std::vector<MathProblem> problems = checkFormula(span);
            for (const MathProblem& problem : problems) error(problem.position, problem.message);
            // A formula already known to be wrong is not handed to MathJax (one message each).
            if (problems.empty()) formulas_.push_back(std::move(span));
        }
    }

    Document& doc() { return doc_; }

private:
    Document& doc_;
    int firstLine_;
    std::vector<MathSpan>& formulas_;
};

// A place in the stepper: start (scenes only), end, a count of values, or {after: phase, layer}.
std::optional<StepperPlace> readPlace(Block& b, const YAML::Node& n, Position where, const std::string& what,
                                      const std::vector<int>& sizes, bool scene) {
    const Position p = b.at(n, where);
    const long total = stepperValueCount(sizes);
    const int layers = static_cast<int>(sizes.size()) - 1;
    const long lowest = scene ? 0 : 1;
    const std::string forms = std::string(scene ? "start, end" : "end") + ", a number of values from " +
                              std::to_string(lowest) + " to " + std::to_string(total) +
                              " or {after: forward|loss|backward|update, layer: l}";
    StepperPlace place;
    if (Block::isPlain(n) && ((scene && n.Scalar() == "start") || n.Scalar() == "end")) {
        place.kind = n.Scalar() == "start" ? StepperPlace::Kind::Start : StepperPlace::Kind::End;
        return place;
    }
    if (!n.IsDefined() || !n.IsMap()) {
        static const std::regex integer("[0-9]{1,9}");
        if (Block::isPlain(n) && std::regex_match(n.Scalar(), integer)) {
            const auto count = b.whole(n, p, "a number of values computed", lowest, total);
            if (!count) return std::nullopt;
            place.kind = StepperPlace::Kind::Count;
            place.count = *count;
            return place;
        }
        b.error(p, "expected " + what + ": " + forms + ", found " + Block::describe(n));
        return std::nullopt;
    }
    if (!b.keys(n, p, {"after", "layer"}, {"after"}, "stepper place key", "in " + what)) return std::nullopt;
    if (!n["after"].IsDefined()) return std::nullopt;  // reported by keys()
    const auto phase = b.named(n["after"], p, "a phase", kPhases);
    if (!phase) return std::nullopt;
    place.kind = StepperPlace::Kind::After;
    place.phase = *phase;
    if (*phase == StepPhase::Loss) {
        if (n["layer"].IsDefined()) {
            b.error(b.at(n["layer"], p), "expected no layer after the loss (it has none), found one");
            return std::nullopt;
        }
        place.layer = layers;
        return place;
    }
    if (!n["layer"].IsDefined()) {
        b.error(p, "expected the key 'layer' (1 to " + std::to_string(layers) + ") in " + what + ", found none");
        return std::nullopt;
    }
    const auto layer = b.whole(n["layer"], p, "a layer", 1, layers);
    if (!layer) return std::nullopt;
    place.layer = static_cast<int>(*layer);
    return place;
}

// ---------------------------------------------------------------------------------------------
// Scenes

const std::vector<std::string> kSceneKeys = [] {
    std::vector<std::string> keys{
        "view",     "network",      "dataset",  "samples",   "noise",          "test_fraction",
        "optimizer", "batch_size",  "momentum", "learning_rate", "schedule",   "regularization",
        "epochs",   "speed",        "sample",   "stepper",   "perceptron",     "functions",
        "controls", "highlight", "threshold", "convolution", "cnn", "residual", "sequence"};
    for (const FieldWorkspace& spec : fieldWorkspaces()) keys.push_back(spec.id);
    return keys;
}();

// Keys that belong to the multilayer network and its training, not to the perceptron or the
// function plots.
const std::set<std::string> kTrainingKeys{"network",  "dataset",       "samples",  "noise",
                                          "test_fraction", "optimizer", "batch_size", "momentum",
                                          "learning_rate", "schedule",  "regularization", "epochs",
                                          "speed",    "sample",        "stepper", "threshold"};

    // One value of a field, as a scene sets it (also an equality in a check).
bool readWorkspaceField(Block& b, const WorkspaceField& f, const YAML::Node& v, Position at, FieldSetting& out) {
    using Kind = WorkspaceField::Kind;
    const std::string what = Block::article(f.en);
    switch (f.kind) {
        case Kind::Choice:
            if (const auto w = b.word(v, at, what, f.choices)) out.text = *w;
            else return false;
            return true;
        case Kind::Word:
            if (!Block::isPlain(v) || v.Scalar().empty()) {
                b.error(b.at(v, at), "expected " + what + " (a word), found " + Block::describe(v));
                return false;
            }
            out.text = v.Scalar();
            return true;
        case Kind::Whole:
            if (const auto x = b.whole(v, at, what, static_cast<long>(f.low), static_cast<long>(f.high)))
                out.number = static_cast<double>(*x);
            else return false;
            return true;
        case Kind::Number:
            if (const auto x = b.number(v, at, what, f.low, f.high)) out.number = *x;
            else return false;
            return true;
        case Kind::Flag:
            if (const auto x = b.flag(v, at, "'" + f.name + "'")) out.flag = *x;
            else return false;
            return true;
    }
    return false;
}

class SceneReader {
public:
    explicit SceneReader(Block& block) : b_(block) {}

    std::optional<Scene> read(const YAML::Node& root, Position where) {
        const std::size_t before = b_.doc().errorCount();
        Scene scene;
        scene.position = where;
        if (!b_.keys(root, where, kSceneKeys, {}, "scene key", "in the scene")) return std::nullopt;
        for (const auto& entry : root)
            if (entry.first.IsScalar()) scene.keys.push_back(entry.first.Scalar());
        auto node = [&root](const char* key) { return root[key]; };

        if (const auto v = node("view"); v.IsDefined()) scene.view = b_.named(v, where, "a view", kViews);
        if (const auto v = node("network"); v.IsDefined()) scene.network = network(v, where);
        sizes_ = scene.network && scene.network->sizes ? *scene.network->sizes : textbookSizes();
        if (const auto v = node("dataset"); v.IsDefined())
            scene.dataset = b_.named(v, where, "a dataset", datasetTable());
        if (const auto v = node("samples"); v.IsDefined())
            scene.samples = b_.whole(v, where, "a number of points", kLabMinSamples, kLabMaxSamples);
        if (const auto v = node("noise"); v.IsDefined()) scene.noise = b_.number(v, where, "a noise level", 0, 0.5);
        if (const auto v = node("test_fraction"); v.IsDefined())
            scene.testFraction = b_.number(v, where, "a test fraction", 0, 0.9);
        if (const auto v = node("threshold"); v.IsDefined())
            scene.threshold = b_.number(v, where, "a decision threshold", 0, 1);
        if (const auto v = node("optimizer"); v.IsDefined())
            scene.optimizer = b_.named(v, where, "an optimizer", optimizerTable());
        if (const auto v = node("batch_size"); v.IsDefined())
            scene.batchSize = b_.whole(v, where, "a batch size", 1, static_cast<long>(limits::kMaxBatch));
        if (const auto v = node("momentum"); v.IsDefined())
            scene.momentum = b_.number(v, where, "a momentum coefficient β", 0, 0.999);
        if (const auto v = node("learning_rate"); v.IsDefined())
            scene.learningRate = b_.number(v, where, "a learning rate", 1e-5, 100);
        if (const auto v = node("schedule"); v.IsDefined()) scene.schedule = schedule(v, where, scene.learningRate);
        if (const auto v = node("regularization"); v.IsDefined()) scene.regularization = regularization(v, where);
        if (const auto v = node("epochs"); v.IsDefined())
            scene.epochs = b_.whole(v, where, "a number of epochs to train", 0, 100000);
        if (const auto v = node("speed"); v.IsDefined())
            scene.speed = speed(v, where, scene.view == View::Lab ? labSpeedChoices() : speedChoices());
        if (const auto v = node("sample"); v.IsDefined()) {
            const long samples = scene.samples.value_or(1000);
            if (const auto s = b_.whole(v, where, "a sample number", 1, samples)) scene.sample = static_cast<int>(*s);
        }
        if (const auto v = node("stepper"); v.IsDefined()) scene.stepper = stepper(v, where);
        if (const auto v = node("perceptron"); v.IsDefined()) scene.perceptron = perceptron(v, where);
        if (const auto v = node("functions"); v.IsDefined()) scene.functions = functions(v, where);
        if (const auto v = node("convolution"); v.IsDefined()) scene.convolution = convolution(b_, v, where);
        if (const auto v = node("cnn"); v.IsDefined()) scene.cnn = cnn(v, where);
        if (const auto v = node("residual"); v.IsDefined()) scene.residual = residual(v, where);
        if (const auto v = node("sequence"); v.IsDefined()) scene.sequence = sequenceScene(v, where);
        for (const FieldWorkspace& spec : fieldWorkspaces())
            if (const auto v = node(spec.id.c_str()); v.IsDefined()) scene.workspace = fieldScene(spec, v, where);
        if (const auto v = node("controls"); v.IsDefined()) controls(v, where, scene);
        if (const auto v = node("highlight"); v.IsDefined()) highlight(v, where, scene);

        crossChecks(root, where, scene);
        if (b_.doc().errorCount() != before) return std::nullopt;
        return scene;
    }

private:
    std::optional<NetworkScene> network(const YAML::Node& n, Position where) {
        const Position p = b_.at(n, where);
        if (!b_.keys(n, p, {"sizes", "activations", "loss", "init", "seed", "batch_norm"}, {}, "network key", "in 'network'"))
            return std::nullopt;
        NetworkScene net;
        if (const auto v = n["sizes"]; v.IsDefined() &&
                                       b_.list(v, p, "layer sizes", 2, limits::kMaxWeightLayers + 1)) {
            std::vector<int> sizes;
            for (const auto& s : v)
                if (const auto size = b_.whole(s, p, "a layer size", 1, static_cast<long>(limits::kMaxUnitsPerLayer)))
                    sizes.push_back(static_cast<int>(*size));
            if (sizes.size() == v.size()) net.sizes = sizes;
        }
        if (const auto v = n["activations"]; v.IsDefined() &&
                                             b_.list(v, p, "activations", 1, limits::kMaxWeightLayers)) {
            std::vector<Activation> activations;
            for (const auto& a : v)
                if (const auto f = b_.named(a, p, "an activation", activationTable())) activations.push_back(*f);
            if (activations.size() == v.size()) net.activations = activations;
        }
        if (const auto v = n["loss"]; v.IsDefined()) net.loss = b_.named(v, p, "a loss", lossTable());
        if (const auto v = n["init"]; v.IsDefined()) net.init = b_.named(v, p, "an initialisation", kInits);
        if (const auto v = n["seed"]; v.IsDefined()) {
            if (const auto s = b_.whole(v, p, "a seed", 0, 2147483647L)) net.seed = static_cast<std::uint64_t>(*s);
        }
        if (const auto v = n["batch_norm"]; v.IsDefined() &&
                                            b_.list(v, p, "BatchNorm switches (one per hidden layer)", 1,
                                                    limits::kMaxWeightLayers)) {
            std::vector<bool> switches;
            for (const auto& f : v)
                if (const auto on = b_.flag(f, p, "a BatchNorm switch")) switches.push_back(*on);
            if (switches.size() == v.size()) net.batchNorm = switches;
            if (net.sizes && net.batchNorm && net.batchNorm->size() + 2 != net.sizes->size())
                b_.error(b_.at(v, p), "expected " + std::to_string(net.sizes->size() - 2) +
                                          " BatchNorm switches (one per hidden layer), found " +
                                          std::to_string(net.batchNorm->size()));
        }
        if (net.sizes && net.activations) {
            const std::string problem = Mlp::checkArchitecture(*net.sizes, *net.activations);
            if (!problem.empty()) b_.error(b_.at(n["activations"], p), "expected a valid network, found: " + problem);
        }
        if (n["sizes"].IsDefined() && !n["activations"].IsDefined())
            b_.error(p, "expected 'activations' (one per layer after the input) with 'sizes', found none");
        if (!n["sizes"].IsDefined() && n["activations"].IsDefined())
            b_.error(p, "expected 'sizes' with 'activations', found none");
        if (net.loss && net.activations && !net.activations->empty()) {
            const bool softmax = net.activations->back() == Activation::Softmax;
            if (*net.loss == LabLoss::Ce && !softmax)
                b_.error(b_.at(n["loss"], p), "expected a softmax output layer for the ce loss, found " +
                                                  std::string(name(net.activations->back())));
            if (softmax && *net.loss != LabLoss::Ce && *net.loss != LabLoss::Focal)
                b_.error(b_.at(n["loss"], p), "expected the ce or focal loss for a softmax output layer, found " +
                                                  std::string(name(*net.loss)));
        }
        return net;
    }

    std::optional<LrSchedule> schedule(const YAML::Node& n, Position where, std::optional<double> eta) {
        const Position p = b_.at(n, where);
        if (!b_.keys(n, p, {"kind", "factor", "every", "warmup", "minimum", "period"}, {"kind"}, "schedule key",
                     "in 'schedule'"))
            return std::nullopt;
        LrSchedule s;
        if (eta) s.eta = *eta;
        const auto kind = n["kind"];
        if (!kind.IsDefined()) return std::nullopt;  // reported by keys()
        const auto k = b_.named(kind, p, "a schedule kind", scheduleTable());
        if (!k) return std::nullopt;
        s.kind = *k;
        // Which parameters each kind takes (lr_schedule.h).
        std::set<std::string> allowed;
        switch (s.kind) {
            case ScheduleKind::Constant: break;
            case ScheduleKind::StepDecay: allowed = {"factor", "every"}; break;
            case ScheduleKind::Cosine: allowed = {"minimum", "period"}; break;
            case ScheduleKind::WarmupCosine: allowed = {"warmup", "minimum", "period"}; break;
        }
        const std::size_t before = b_.doc().errorCount();
        for (const auto& entry : n) {
            const std::string key = entry.first.Scalar();
            static const std::set<std::string> parameters{"factor", "every", "warmup", "minimum", "period"};
            if (!parameters.count(key) || allowed.count(key)) continue;  // unknown keys: reported above
            b_.error(b_.at(entry.first, p),
                     "expected " +
                         (allowed.empty() ? std::string("no parameters")
                                          : "only " + listOr({allowed.begin(), allowed.end()})) +
                         " in a '" + kind.Scalar() + "' schedule, found '" + key + "'");
        }
        if (const auto v = n["factor"]; v.IsDefined()) {
            if (const auto f = b_.number(v, p, "a decay factor", 0, 1, true)) s.decay = *f;
        }
        if (const auto v = n["every"]; v.IsDefined()) {
            if (const auto e = b_.whole(v, p, "a number of epochs per decay step", 1, 1000000)) s.stepEpochs = *e;
        }
        if (const auto v = n["warmup"]; v.IsDefined()) {
            if (const auto w = b_.whole(v, p, "a number of warm-up epochs", 1, 1000000)) s.warmupEpochs = *w;
        }
        if (const auto v = n["minimum"]; v.IsDefined()) {
            if (const auto m = b_.number(v, p, "a minimum learning rate", 0, 100)) s.etaMin = *m;
        }
        if (const auto v = n["period"]; v.IsDefined()) {
            if (const auto t = b_.whole(v, p, "a period in epochs", 1, 1000000)) s.periodEpochs = *t;
        }
        if (b_.doc().errorCount() != before) return std::nullopt;
        if (const std::string problem = checkSchedule(s); !problem.empty()) {
            b_.error(p, "expected a schedule the lab accepts, found that " + problem);
            return std::nullopt;
        }
        return s;
    }

    std::optional<RegularizationScene> regularization(const YAML::Node& n, Position where) {
        const Position p = b_.at(n, where);
        if (!b_.keys(n, p, {"l1", "l2", "dropout", "early_stopping"}, {}, "regularization key",
                     "in 'regularization'"))
            return std::nullopt;
        RegularizationScene r;
        if (n["l1"].IsDefined() && n["l2"].IsDefined()) {
            b_.error(b_.at(n["l2"], p), "expected one penalty, l1 or l2 (the lab applies one at a time), found both");
            return std::nullopt;
        }
        for (const char* key : {"l1", "l2"}) {
            if (const auto v = n[key]; v.IsDefined()) {
                if (const auto lambda = b_.number(v, p, std::string("an ") + (key[1] == '1' ? "L1" : "L2") + " strength λ",
                                                  0, 10)) {
                    r.penalty = key[1] == '1' ? Penalty::L1 : Penalty::L2;
                    r.lambda = *lambda;
                }
            }
        }
        if (const auto v = n["dropout"]; v.IsDefined()) r.dropout = b_.number(v, p, "a dropout probability", 0, 0.9);
        if (const auto v = n["early_stopping"]; v.IsDefined())
            r.earlyStopping = b_.whole(v, p, "an early-stopping patience in epochs", 1, 100000);
        return r;
    }

    std::optional<int> speed(const YAML::Node& n, Position where, const std::vector<int>& choices) {
        std::vector<std::string> names;
        for (int s : choices) {
            names.push_back(std::to_string(s));
            if (Block::isPlain(n) && n.Scalar() == names.back()) return s;
        }
        b_.error(b_.at(n, where), "expected a speed of " + listOr(names) +
                                      " epochs per second (0: as fast as possible), found " + Block::describe(n));
        return std::nullopt;
    }

    std::optional<StepperScene> stepper(const YAML::Node& n, Position where) {
        const Position p = b_.at(n, where);
        if (!b_.keys(n, p, {"granularity", "batch", "position", "graph"}, {}, "stepper key", "in 'stepper'"))
            return std::nullopt;
        StepperScene s;
        if (const auto v = n["granularity"]; v.IsDefined()) s.granularity = b_.named(v, p, "a granularity", kGranularities);
        if (const auto v = n["batch"]; v.IsDefined()) {
            if (const auto m = b_.whole(v, p, "a batch size m", 1, 16)) s.batch = static_cast<int>(*m);
        }
        if (const auto v = n["position"]; v.IsDefined())
            s.position = readPlace(b_, v, p, "the stepper position", sizes_, true);
        if (const auto g = n["graph"]; g.IsDefined()) {
            const Position gp = b_.at(g, p);
            if (b_.keys(g, gp, {"neuron", "steps"}, {"neuron"}, "graph key", "in 'graph'")) {
                if (const auto neuron = g["neuron"]; neuron.IsDefined()) {
                    if (auto address = neuronAddress(neuron, gp, false)) s.graphNeuron = address;
                }
                if (const auto steps = g["steps"]; steps.IsDefined())
                    s.graphSteps = b_.whole(steps, gp, "a number of graph steps", 0, 10000);
            }
        }
        return s;
    }

    // [layer, neuron]: layer 0 … L (1 … L without inputs), neuron 1-based.
    std::optional<std::pair<int, int>> neuronAddress(const YAML::Node& n, Position where, bool inputsToo) {
        const Position p = b_.at(n, where);
        const int layers = static_cast<int>(sizes_.size()) - 1;
        if (!b_.list(n, p, "a neuron [layer, neuron]", 2, 2)) return std::nullopt;
        const auto layer = b_.whole(n[0], p, "a layer", inputsToo ? 0 : 1, layers);
        if (!layer) return std::nullopt;
        const auto index = b_.whole(n[1], p, "a neuron of layer " + std::to_string(*layer), 1,
                                    sizes_[static_cast<std::size_t>(*layer)]);
        if (!index) return std::nullopt;
        return std::pair<int, int>(static_cast<int>(*layer), static_cast<int>(*index));
    }

    std::optional<ThresholdUnit> unit(const YAML::Node& n, Position where, const std::string& what) {
        const Position p = b_.at(n, where);
        if (!b_.list(n, p, what + " [w1, w2, b]", 3, 3)) return std::nullopt;
        const auto w1 = b_.number(n[0], p, "a weight", -100, 100);
        const auto w2 = b_.number(n[1], p, "a weight", -100, 100);
        const auto bias = b_.number(n[2], p, "a bias", -100, 100);
        if (!w1 || !w2 || !bias) return std::nullopt;
        return ThresholdUnit{*w1, *w2, *bias};
    }

    std::optional<PerceptronScene> perceptron(const YAML::Node& n, Position where) {
        const Position p = b_.at(n, where);
        if (!b_.keys(n, p, {"task", "mode", "eta", "weights", "bias", "hidden", "output"}, {}, "perceptron key",
                     "in 'perceptron'"))
            return std::nullopt;
        PerceptronScene s;
        if (const auto v = n["task"]; v.IsDefined()) s.task = b_.named(v, p, "a logic task", kGates);
        if (const auto v = n["mode"]; v.IsDefined()) s.mode = b_.named(v, p, "a perceptron mode", kModes);
        if (const auto v = n["eta"]; v.IsDefined()) s.eta = b_.number(v, p, "a learning rate η", 0, 100, true);
        const int inputs = s.task == Gate::Not ? 1 : 2;
        if (const auto v = n["weights"]; v.IsDefined() &&
                                         b_.list(v, p, "weights (one per input of the task)", inputs, inputs)) {
            std::vector<double> w;
            for (const auto& x : v)
                if (const auto value = b_.number(x, p, "a weight", -100, 100)) w.push_back(*value);
            if (w.size() == v.size()) s.weights = w;
        }
        if (const auto v = n["bias"]; v.IsDefined()) s.bias = b_.number(v, p, "a bias", -100, 100);
        const bool hiddenMode = s.mode == PerceptronMode::Hidden;
        if (const auto v = n["hidden"]; v.IsDefined()) {
            if (!hiddenMode) {
                b_.error(b_.at(v, p), "expected 'hidden' only with mode: hidden, found it with mode: " +
                                          (n["mode"].IsDefined() ? n["mode"].Scalar() : std::string("learn")));
            } else if (b_.list(v, p, "two hidden units", 2, 2)) {
                s.hidden1 = unit(v[0], p, "a hidden unit");
                s.hidden2 = unit(v[1], p, "a hidden unit");
            }
        }
        if (const auto v = n["output"]; v.IsDefined()) {
            if (!hiddenMode)
                b_.error(b_.at(v, p), "expected 'output' only with mode: hidden, found it with mode: " +
                                          (n["mode"].IsDefined() ? n["mode"].Scalar() : std::string("learn")));
            else
                s.output = unit(v, p, "the output unit");
        }
        if (hiddenMode && s.task == Gate::Not)
            b_.error(b_.at(n["task"], p), "expected a task with two inputs for mode: hidden, found 'not'");
        if (hiddenMode && (n["weights"].IsDefined() || n["bias"].IsDefined()))
            b_.error(p, "expected 'hidden' and 'output' units for mode: hidden, found 'weights' or 'bias'");
        return s;
    }

public:
    // The convolution view's keys, in a scene and (any subset) in a check.
    static std::optional<ConvolutionScene> convolution(Block& b, const YAML::Node& n, Position where) {
        const Position p = b.at(n, where);
        if (!b.keys(n, p,
                    {"mode", "input", "input_size", "kernel", "kernel_size", "stride", "padding", "dilation",
                     "channels", "cursor", "playing", "pool", "layers"},
                    {}, "convolution key", "in 'convolution'"))
            return std::nullopt;
        const std::size_t before = b.doc().errorCount();
        const ConvolutionLimits& k = kConvolutionLimits;
        ConvolutionScene s;
        auto whole = [&](const char* key, const std::string& what, long low, long high, std::optional<int>& out) {
            if (const auto v = n[key]; v.IsDefined())
                if (const auto x = b.whole(v, p, what, low, high)) out = static_cast<int>(*x);
        };
        if (const auto v = n["mode"]; v.IsDefined()) s.mode = b.word(v, p, "a convolution mode", convolutionModes());
        if (const auto v = n["input"]; v.IsDefined()) s.input = b.word(v, p, "an input picture", convolutionInputs());
        if (const auto v = n["kernel"]; v.IsDefined()) s.kernel = b.word(v, p, "a preset kernel", convolutionKernels());
        whole("input_size", "an input size", k.minInput, k.maxInput, s.inputSize);
        whole("kernel_size", "a kernel size", k.minKernel, k.maxKernel, s.kernelSize);
        whole("stride", "a stride", 1, k.maxStride, s.stride);
        whole("padding", "a padding", 0, k.maxPadding, s.padding);
        whole("dilation", "a dilation", 1, k.maxDilation, s.dilation);
        whole("layers", "a number of stacked convolutions", 1, k.maxLayers, s.layers);
        if (const auto v = n["channels"]; v.IsDefined()) {
            if (const auto c = b.whole(v, p, "a number of input channels (1 grey, 3 RGB)", 1, 3)) {
                if (*c == 2) b.error(b.at(v, p), "expected 1 (grey) or 3 (RGB) input channels, found 2");
                else s.channels = static_cast<int>(*c);
            }
        }
        if (const auto v = n["cursor"]; v.IsDefined() && b.list(v, p, "an output cell [row, column]", 2, 2)) {
            const auto r = b.whole(v[0], p, "an output row (from 0)", 0, k.maxInput + 2 * k.maxPadding);
            const auto c = b.whole(v[1], p, "an output column (from 0)", 0, k.maxInput + 2 * k.maxPadding);
            if (r && c) s.cursor = std::pair<int, int>(static_cast<int>(*r), static_cast<int>(*c));
        }
        if (const auto v = n["playing"]; v.IsDefined()) s.playing = b.flag(v, p, "'playing'");
        if (const auto v = n["pool"]; v.IsDefined()) {
            const Position q = b.at(v, p);
            if (b.keys(v, q, {"kind", "size", "stride"}, {"kind", "size", "stride"}, "pool key", "in 'pool'")) {
                const auto kind = b.word(v["kind"], q, "a pooling kind", {"max", "avg"});
                const auto size = b.whole(v["size"], q, "a pooling window size", k.minPool, k.maxPool);
                const auto stride = b.whole(v["stride"], q, "a pooling stride", 1, k.maxStride);
                if (kind && size && stride) s.pool = PoolScene{*kind, static_cast<int>(*size), static_cast<int>(*stride)};
            }
        }
        if (s.layers && s.mode && *s.mode != "receptive")
            b.error(b.at(n["layers"], p), "expected mode: receptive with 'layers', found mode: " + *s.mode);
        if (b.doc().errorCount() != before) return std::nullopt;
        return s;
    }

private:
    std::optional<CnnScene> cnn(const YAML::Node& n, Position where) {
        const Position p = b_.at(n, where);
        if (!b_.keys(n, p, {"dataset", "learning_rate", "batch_size", "training", "input", "layer"}, {}, "cnn key",
                     "in 'cnn'"))
            return std::nullopt;
        const std::size_t before = b_.doc().errorCount();
        CnnScene s;
        if (const auto v = n["dataset"]; v.IsDefined()) s.dataset = b_.word(v, p, "a CNN data set", cnnDatasets());
        if (const auto v = n["learning_rate"]; v.IsDefined()) s.learningRate = b_.number(v, p, "a learning rate", 1e-5, 10);
        if (const auto v = n["batch_size"]; v.IsDefined()) s.batchSize = b_.whole(v, p, "a batch size", 1, 512);
        if (const auto v = n["training"]; v.IsDefined()) s.training = b_.flag(v, p, "'training'");
        if (const auto v = n["input"]; v.IsDefined())
            if (const auto i = b_.whole(v, p, "a test image (from 0)", 0, 999)) s.input = static_cast<int>(*i);
        if (const auto v = n["layer"]; v.IsDefined()) s.layer = b_.word(v, p, "a layer of LeNet-5", cnnLayers());
        if (b_.doc().errorCount() != before) return std::nullopt;
        return s;
    }

    std::optional<ResidualScene> residual(const YAML::Node& n, Position where) {
        const Position p = b_.at(n, where);
        if (!b_.keys(n, p, {"activation", "blocks", "training"}, {}, "residual key", "in 'residual'"))
            return std::nullopt;
        const std::size_t before = b_.doc().errorCount();
        ResidualScene s;
        if (const auto v = n["activation"]; v.IsDefined())
            if (const auto a = b_.word(v, p, "an activation of the deep nets", {"sigmoid", "tanh", "relu"}))
                s.activation = parseActivation(*a);
        if (const auto v = n["blocks"]; v.IsDefined())
            if (const auto x = b_.whole(v, p, "a number of residual blocks", kResidualMinBlocks, kResidualMaxBlocks))
                s.blocks = static_cast<int>(*x);
        if (const auto v = n["training"]; v.IsDefined()) s.training = b_.flag(v, p, "'training'");
        if (b_.doc().errorCount() != before) return std::nullopt;
        return s;
    }

    // A block of a workspace described in field_workspaces.h: each field by its kind and limits.
    std::optional<FieldScene> fieldScene(const FieldWorkspace& spec, const YAML::Node& n, Position where) {
        const Position p = b_.at(n, where);
        std::vector<std::string> names;
        for (const WorkspaceField& f : spec.fields) names.push_back(f.name);
        if (!b_.keys(n, p, names, {}, spec.id + " key", "in '" + spec.id + "'")) return std::nullopt;
        const std::size_t before = b_.doc().errorCount();
        FieldScene scene;
        scene.id = spec.id;
        for (const auto& entry : n) {
            if (!entry.first.IsScalar()) continue;
            const WorkspaceField* f = spec.field(entry.first.Scalar());
            if (!f) continue;
            const Position at = b_.at(entry.first, p);
            if (!f->settable) {
                b_.error(at, "expected a setting of the " + spec.id + " view, found '" + f->name +
                                 "' (only the student's work changes it" +
                                 (f->drivenBy.empty() ? std::string() : ", while '" + f->drivenBy + "' is on") +
                                 "; check it instead)");
                continue;
            }
            FieldSetting setting;
            setting.field = f->name;
            setting.position = at;
            if (!readWorkspaceField(b_, *f, entry.second, at, setting)) continue;
            scene.settings.push_back(setting);
        }
        if (b_.doc().errorCount() != before) return std::nullopt;
        return scene;
    }

    std::optional<SequenceScene> sequenceScene(const YAML::Node& n, Position where) {
        const Position p = b_.at(n, where);
        if (!b_.keys(n, p, {"cell", "task", "length", "training", "wh_scale", "clip", "step", "panel", "revealed"}, {},
                     "sequence key", "in 'sequence'"))
            return std::nullopt;
        const std::size_t before = b_.doc().errorCount();
        SequenceScene s;
        if (const auto v = n["cell"]; v.IsDefined()) s.cell = b_.word(v, p, "a recurrent cell", sequenceCells());
        if (const auto v = n["task"]; v.IsDefined()) s.task = b_.word(v, p, "a sequence task", sequenceTasks());
        if (const auto v = n["length"]; v.IsDefined())
            if (const auto x = b_.whole(v, p, "a sequence length", kSequenceMinLength, kSequenceMaxLength))
                s.length = static_cast<int>(*x);
        if (const auto v = n["training"]; v.IsDefined()) s.training = b_.flag(v, p, "'training'");
        if (const auto v = n["wh_scale"]; v.IsDefined())
            s.whScale = b_.number(v, p, "a W_h scale", kSequenceMinWhScale, kSequenceMaxWhScale);
        if (const auto v = n["clip"]; v.IsDefined()) s.clip = b_.flag(v, p, "'clip'");
        if (const auto v = n["step"]; v.IsDefined())
            if (const auto x = b_.whole(v, p, "a time step (from 1)", 1, s.length.value_or(kSequenceMaxLength)))
                s.step = static_cast<int>(*x);
        if (const auto v = n["panel"]; v.IsDefined()) s.panel = b_.word(v, p, "a panel of the sequences view", sequencePanels());
        if (const auto v = n["revealed"]; v.IsDefined())
            if (const auto x = b_.whole(v, p, "a number of steps the gradient has reached", 0, kSequenceMaxLength))
                s.revealed = static_cast<int>(*x);
        if (b_.doc().errorCount() != before) return std::nullopt;
        return s;
    }

    std::optional<FunctionsScene> functions(const YAML::Node& n, Position where) {
        const Position p = b_.at(n, where);
        if (!b_.keys(n, p, {"show", "derivative", "probe", "target"}, {"show"}, "functions key", "in 'functions'"))
            return std::nullopt;
        FunctionsScene s;
        std::vector<std::string> plottable;
        for (Activation a : allActivations())
            if (a != Activation::Softmax) plottable.emplace_back(name(a));
        std::vector<std::string> all = plottable;
        all.insert(all.end(), lossCurveNames().begin(), lossCurveNames().end());
        if (const auto show = n["show"]; show.IsDefined() && b_.list(show, p, "functions to plot", 1, 7)) {
            for (const auto& f : show) {
                const auto which = b_.word(f, p, "an activation or loss to plot", all);
                if (!which) continue;
                if (const auto a = parseActivation(*which); a && *which != "softmax") {
                    if (!s.losses.empty())
                        b_.error(b_.at(f, p), "expected only losses in a plot of losses, found the activation '" +
                                                  *which + "'");
                    else
                        s.activations.push_back(*a);
                } else {
                    if (!s.activations.empty())
                        b_.error(b_.at(f, p), "expected only activations in a plot of activations, found the loss '" +
                                                  *which + "'");
                    else
                        s.losses.push_back(*which);
                }
            }
        }
        const bool probabilities = std::any_of(s.losses.begin(), s.losses.end(),
                                               [](const std::string& l) { return l == "bce" || l == "focal"; });
        if (const auto v = n["derivative"]; v.IsDefined()) s.derivative = b_.flag(v, p, "'derivative'");
        if (const auto v = n["probe"]; v.IsDefined()) {
            if (probabilities)
                s.probe = b_.number(v, p, "a probe prediction ŷ (bce and focal plot 0 < ŷ < 1)", 0, 0.999, true);
            else
                s.probe = b_.number(v, p, "a probe position", -6, 6);
        }
        if (const auto v = n["target"]; v.IsDefined()) {
            if (s.losses.empty()) {
                b_.error(b_.at(v, p), "expected 'target' only for a plot of losses, found it with activations");
            } else if (probabilities) {
                const auto t = b_.whole(v, p, "a target y (0 or 1 for bce and focal)", 0, 1);
                if (t) s.target = static_cast<double>(*t);
            } else {
                s.target = b_.number(v, p, "a target y", -3, 3);
            }
        }
        return s;
    }

    void controls(const YAML::Node& n, Position where, Scene& scene) {
        const Position p = b_.at(n, where);
        if (!b_.keys(n, p, {"locked", "hidden"}, {}, "controls key", "in 'controls'")) return;
        for (const char* key : {"locked", "hidden"}) {
            const auto v = n[key];
            if (!v.IsDefined() || !b_.list(v, p, std::string("the ") + key + " controls", 1, allControls().size()))
                continue;
            auto& target = key[0] == 'l' ? scene.locked : scene.hidden;
            for (const auto& c : v) {
                const auto control = b_.named(c, p, "a control", controlTable());
                if (!control) continue;
                if (std::find(target.begin(), target.end(), *control) != target.end())
                    b_.error(b_.at(c, p), "expected each control once in '" + std::string(key) + "', found '" +
                                              c.Scalar() + "' again");
                else
                    target.push_back(*control);
            }
        }
        for (Control c : scene.locked)
            if (std::find(scene.hidden.begin(), scene.hidden.end(), c) != scene.hidden.end())
                b_.error(b_.at(n["hidden"], p), "expected a control to be either locked or hidden, found '" +
                                                    std::string(name(c)) + "' in both");
    }

    void highlight(const YAML::Node& n, Position where, Scene& scene) {
        const Position p = b_.at(n, where);
        if (!b_.list(n, p, "things to highlight", 1, 32)) return;
        for (const auto& item : n) {
            const Position ip = b_.at(item, p);
            if (!b_.keys(item, ip, {"neuron", "layer", "control"}, {}, "highlight key", "in 'highlight'")) continue;
            if (item.size() != 1) {
                b_.error(ip, "expected one of neuron, layer or control per highlight entry, found " +
                                 std::to_string(item.size()));
                continue;
            }
            Highlight h;
            h.position = ip;
            if (const auto v = item["neuron"]; v.IsDefined()) {
                const auto address = neuronAddress(v, ip, true);
                if (!address) continue;
                h.kind = Highlight::Kind::Neuron;
                h.layer = address->first;
                h.index = address->second;
            } else if (const auto l = item["layer"]; l.IsDefined()) {
                const auto layer = b_.whole(l, ip, "a layer", 0, static_cast<long>(sizes_.size()) - 1);
                if (!layer) continue;
                h.kind = Highlight::Kind::Layer;
                h.layer = static_cast<int>(*layer);
            } else if (const auto c = item["control"]; c.IsDefined()) {
                const auto control = b_.named(c, ip, "a control", controlTable());
                if (!control) continue;
                h.kind = Highlight::Kind::Control;
                h.control = *control;
            } else {
                continue;
            }
            scene.highlight.push_back(h);
        }
    }

    void crossChecks(const YAML::Node& root, Position where, const Scene& scene) {
        if (root["view"].IsDefined() && !scene.view) return;  // a misspelt view is reported already
        const std::string view = root["view"].IsDefined() && root["view"].IsScalar() ? root["view"].Scalar() : "";
        auto keyAt = [&](const std::string& key) {
            for (const auto& entry : root)
                if (entry.first.IsScalar() && entry.first.Scalar() == key) return b_.at(entry.first, where);
            return where;
        };
        if (scene.perceptron && scene.view != View::Perceptron)
            b_.error(keyAt("perceptron"), "expected view: perceptron with a 'perceptron' key, found " +
                                              (view.empty() ? std::string("no view") : "view: " + view));
        if (scene.functions && scene.view != View::Functions)
            b_.error(keyAt("functions"), "expected view: functions with a 'functions' key, found " +
                                             (view.empty() ? std::string("no view") : "view: " + view));
        for (const auto& [key, wanted, present] :
             {std::tuple<const char*, View, bool>{"convolution", View::Convolution, scene.convolution.has_value()},
              {"cnn", View::Cnn, scene.cnn.has_value()},
              {"residual", View::Residual, scene.residual.has_value()},
              {"sequence", View::Sequence, scene.sequence.has_value()}})
            if (present && scene.view != wanted)
                b_.error(keyAt(key), std::string("expected view: ") + key + " with a '" + key + "' key, found " +
                                         (view.empty() ? std::string("no view") : "view: " + view));
        if (scene.workspace)
            if (const FieldWorkspace* spec = fieldWorkspace(scene.workspace->id); spec && scene.view != spec->view)
                b_.error(keyAt(spec->id), "expected view: " + spec->id + " with a '" + spec->id + "' key, found " +
                                              (view.empty() ? std::string("no view") : "view: " + view));
        if (scene.view == View::Convolution || scene.view == View::Cnn || scene.view == View::Residual ||
            scene.view == View::Sequence || (scene.view && fieldWorkspace(*scene.view))) {
            for (const auto& key : scene.keys)
                if (kTrainingKeys.count(key))
                    b_.error(keyAt(key), "expected keys of the " + view + " view (" + view +
                                             ", controls, highlight), found '" + key + "'");
            for (const Highlight& h : scene.highlight)
                if (h.kind != Highlight::Kind::Control)
                    b_.error(h.position, "expected only controls to highlight in the " + view +
                                             " view, found a neuron or layer");
        }
        if (scene.stepper && scene.view != View::Stepper && scene.view != View::Graph)
            b_.error(keyAt("stepper"), "expected view: stepper or view: graph with a 'stepper' key, found " +
                                           (view.empty() ? std::string("no view") : "view: " + view));
        if (scene.view == View::Graph && !(scene.stepper && scene.stepper->graphNeuron))
            b_.error(keyAt("view"), "expected stepper: {graph: {neuron: [layer, neuron]}} with view: graph, found none");
        if (scene.view == View::Perceptron || scene.view == View::Functions) {
            for (const auto& key : scene.keys)
                if (kTrainingKeys.count(key))
                    b_.error(keyAt(key), "expected keys of the " + view +
                                             " view (" + (scene.view == View::Perceptron ? "perceptron" : "functions") +
                                             ", controls, highlight), found '" + key + "'");
            for (const Highlight& h : scene.highlight)
                if (h.kind != Highlight::Kind::Control)
                    b_.error(h.position, "expected only controls to highlight in the " + view +
                                             " view, found a neuron or layer");
        }
        if (scene.network && scene.network->sizes && scene.view != View::Lab &&
            *scene.network->sizes != textbookSizes())
            b_.error(keyAt("network"), "expected view: lab for a network other than the textbook's 4-8-4-1, found " +
                                           (view.empty() ? std::string("no view") : "view: " + view));
        // Keys only the training lab has.
        static const std::vector<std::string> labOnly{"dataset",   "samples",  "noise",    "test_fraction", "optimizer",
                                                      "batch_size", "momentum", "schedule", "regularization",
                                                      "threshold"};
        if (scene.view != View::Lab)
            for (const auto& key : scene.keys)
                if (std::find(labOnly.begin(), labOnly.end(), key) != labOnly.end())
                    b_.error(keyAt(key), "expected view: lab with '" + key + "' (a setting of the training lab), found " +
                                             (view.empty() ? std::string("no view") : "view: " + view));
        if (scene.view == View::Lab) labChecks(root, scene, keyAt);
    }

    // A lab scene's network must be one the lab can build for its data: the inputs are the
    // data's (x₁, x₂ for the 2-D sets), the output layer is the task's, and the hidden layers
    // are at most 6 of at most 16 units; the lab always starts from Xavier initialisation.
    template <typename KeyAt>
    void labChecks(const YAML::Node& root, const Scene& scene, KeyAt keyAt) {
        if (!scene.network) return;
        const Position p = keyAt("network");
        const YAML::Node n = root["network"];
        const NetworkScene& net = *scene.network;
        if (net.init && *net.init != Initialization::Xavier)
            b_.error(b_.at(n["init"], p), "expected init: xavier in a lab scene (the lab always uses Xavier "
                                          "initialisation), found " + n["init"].Scalar());
        if (!net.sizes) return;
        if (!scene.dataset) {
            if (root["dataset"].IsDefined()) return;  // misspelt: reported already
            b_.error(p, "expected a dataset with the network's sizes in a lab scene (its inputs and outputs come "
                        "from the data), found none");
            return;
        }
        const DatasetKind kind = *scene.dataset;
        const std::vector<int>& sizes = *net.sizes;
        const int inputs = dimensionOf(kind), outputs = classesOf(kind) > 2 ? classesOf(kind) : 1;
        const std::string data = std::string(name(kind));
        if (sizes.front() != inputs)
            b_.error(b_.at(n["sizes"], p), "expected " + std::to_string(inputs) + " inputs for the " + data + " data" +
                                               (inputs == 2 ? " (x₁ and x₂)" : "") + ", found " +
                                               std::to_string(sizes.front()));
        if (sizes.back() != outputs)
            b_.error(b_.at(n["sizes"], p), "expected " + std::to_string(outputs) + " output" + (outputs == 1 ? "" : "s") +
                                               " for the " + data + " data, found " + std::to_string(sizes.back()));
        const int hidden = static_cast<int>(sizes.size()) - 2;
        std::string found;
        if (hidden > kLabMaxHiddenLayers) found = std::to_string(hidden) + " hidden layers";
        for (int i = 1; found.empty() && i + 1 < static_cast<int>(sizes.size()); ++i)
            if (sizes[static_cast<std::size_t>(i)] > kLabMaxUnits)
                found = "a hidden layer of " + std::to_string(sizes[static_cast<std::size_t>(i)]) + " neurons";
        if (!found.empty())
            b_.error(b_.at(n["sizes"], p), "expected at most " + std::to_string(kLabMaxHiddenLayers) +
                                               " hidden layers of 1 to " + std::to_string(kLabMaxUnits) +
                                               " neurons in the lab, found " + found);
        if (net.activations && static_cast<int>(net.activations->size()) == hidden + 1) {
            const TaskKind task = taskOf(kind);
            const Activation output = task == TaskKind::Binary       ? Activation::Sigmoid
                                      : task == TaskKind::Multiclass ? Activation::Softmax
                                                                     : Activation::Identity;
            if (net.activations->back() != output)
                b_.error(b_.at(n["activations"], p), "expected the " + std::string(name(output)) + " output of " +
                                                         std::string(name(task)) + " data in the lab, found " +
                                                         std::string(name(net.activations->back())));
        }
    }

    Block& b_;
    std::vector<int> sizes_ = textbookSizes();
};

// ---------------------------------------------------------------------------------------------
// Checks and quizzes

const std::vector<std::string> kConditionKeys{
    "loss_below",       "accuracy_at_least",           "epoch_at_least",        "learning_rate",
    "sample",           "diverged",                    "backprop_mode",         "stepper_reached",
    "graph_walked",     "perceptron_correct",          "perceptron_updates_at_least",
    "perceptron_epochs_at_least", "perceptron_task",   "probe",
    "lab_loss_below",   "test_loss_below",             "test_accuracy_at_least", "lab_epoch_at_least",
    "lab_diverged",     "threshold",
    "convolution",      "convolution_cursor_visited",  "cnn",                   "cnn_step_at_least",
    "cnn_test_accuracy_at_least", "residual_step_at_least",
    "sequence_step_at_least", "sequence_selected_step", "sequence_revealed_at_least", "sequence_wh_scale",
    "sequence_clip", "sequence_cell"};

class CheckReader {
public:
    CheckReader(Block& block, const std::optional<Scene>& scene) : b_(block), scene_(scene) {}

    std::optional<Check> read(const YAML::Node& root, Position where) {
        const std::size_t before = b_.doc().errorCount();
        std::vector<std::string> allowed = kConditionKeys;
        const std::vector<std::string> fieldKeys = fieldConditionKeys();
        allowed.insert(allowed.end(), fieldKeys.begin(), fieldKeys.end());
        allowed.push_back("hint");
        if (!b_.keys(root, where, allowed, {"hint"}, "check key", "in the check")) return std::nullopt;
        Check check;
        check.position = where;
        if (const auto hint = root["hint"]; hint.IsDefined()) {
            if (auto t = b_.text(hint, where, "the hint", false)) check.hint = *t;
        }
        const std::vector<int> sizes = scene_ && scene_->network && scene_->network->sizes ? *scene_->network->sizes
                                                                                          : textbookSizes();
        for (const auto& entry : root) {
            if (!entry.first.IsScalar()) continue;
            const std::string key = entry.first.Scalar();
            if (key == "hint" || std::find(allowed.begin(), allowed.end(), key) == allowed.end()) continue;
            const YAML::Node v = entry.second;
            Condition c;
            c.key = key;
            c.position = b_.at(entry.first, where);
            const Position p = c.position;
            bool ok = true;
            auto num = [&](auto parsed) {
                if (parsed) c.value = static_cast<double>(*parsed);
                else ok = false;
            };
            auto flag = [&]() {
                const auto f = b_.flag(v, p, "'" + key + "'");
                if (f) c.flag = *f;
                else ok = false;
            };
            if (key == "loss_below") {
                c.kind = Condition::Kind::LossBelow;
                num(b_.number(v, p, "a loss", 0, 100, true));
            } else if (key == "accuracy_at_least") {
                c.kind = Condition::Kind::AccuracyAtLeast;
                num(b_.number(v, p, "an accuracy (a fraction)", 0, 1, true));
            } else if (key == "epoch_at_least") {
                c.kind = Condition::Kind::EpochAtLeast;
                num(b_.whole(v, p, "a number of epochs", 1, limits::kMaxEpochs));
            } else if (key == "learning_rate") {
                c.kind = Condition::Kind::LearningRate;
                ok = range(v, p, "learning rate", 1e-5, 100, c.range);
            } else if (key == "sample") {
                c.kind = Condition::Kind::Sample;
                num(b_.whole(v, p, "a sample number", 1, 1000));
            } else if (key == "diverged") {
                c.kind = Condition::Kind::Diverged;
                flag();
            } else if (key == "backprop_mode") {
                c.kind = Condition::Kind::BackpropMode;
                flag();
            } else if (key == "stepper_reached") {
                c.kind = Condition::Kind::StepperReached;
                const auto place = readPlace(b_, v, p, "'stepper_reached'", sizes, false);
                if (place) c.place = *place;
                else ok = false;
            } else if (key == "graph_walked") {
                c.kind = Condition::Kind::GraphWalked;
                flag();
            } else if (key == "perceptron_correct") {
                c.kind = Condition::Kind::PerceptronCorrect;
                flag();
            } else if (key == "perceptron_updates_at_least") {
                c.kind = Condition::Kind::PerceptronUpdatesAtLeast;
                num(b_.whole(v, p, "a number of updates", 1, 100000));
            } else if (key == "perceptron_epochs_at_least") {
                c.kind = Condition::Kind::PerceptronEpochsAtLeast;
                num(b_.whole(v, p, "a number of epochs", 1, 100000));
            } else if (key == "perceptron_task") {
                c.kind = Condition::Kind::PerceptronTask;
                const auto gate = b_.named(v, p, "a logic task", kGates);
                if (gate) c.gate = *gate;
                else ok = false;
            } else if (key == "probe") {
                c.kind = Condition::Kind::ProbeAt;
                ok = range(v, p, "probe position", -6, 6, c.range);
            } else if (key == "lab_loss_below") {
                c.kind = Condition::Kind::LabLossBelow;
                num(b_.number(v, p, "a loss", 0, 100, true));
            } else if (key == "test_loss_below") {
                c.kind = Condition::Kind::TestLossBelow;
                num(b_.number(v, p, "a loss", 0, 100, true));
            } else if (key == "test_accuracy_at_least") {
                c.kind = Condition::Kind::TestAccuracyAtLeast;
                num(b_.number(v, p, "an accuracy (a fraction)", 0, 1, true));
            } else if (key == "lab_epoch_at_least") {
                c.kind = Condition::Kind::LabEpochAtLeast;
                num(b_.whole(v, p, "a number of epochs", 1, limits::kMaxEpochs));
            } else if (key == "lab_diverged") {
                c.kind = Condition::Kind::LabDiverged;
                flag();
            } else if (key == "threshold") {
                c.kind = Condition::Kind::Threshold;
                ok = range(v, p, "threshold", 0, 1, c.range);
            } else if (key == "convolution") {
                c.kind = Condition::Kind::ConvolutionState;
                c.convolution = SceneReader::convolution(b_, v, p);
                ok = c.convolution.has_value();
                if (ok && *c.convolution == ConvolutionScene{}) {
                    b_.error(p, "expected at least one key of the convolution view in 'convolution', found none");
                    ok = false;
                }
            } else if (key == "convolution_cursor_visited") {
                c.kind = Condition::Kind::ConvolutionVisitedAll;
                if (!(v.IsScalar() && v.Scalar() == "all")) {
                    b_.error(b_.at(v, p), "expected 'all' (every output cell visited), found " + Block::describe(v));
                    ok = false;
                }
            } else if (key == "cnn") {
                c.kind = Condition::Kind::CnnLayer;
                const Position q = b_.at(v, p);
                if (!b_.keys(v, q, {"layer"}, {"layer"}, "cnn check key", "in 'cnn'")) {
                    ok = false;
                } else if (const auto layer = b_.word(v["layer"], q, "a layer of LeNet-5", cnnLayers())) {
                    c.name = *layer;
                } else {
                    ok = false;
                }
            } else if (key == "cnn_step_at_least") {
                c.kind = Condition::Kind::CnnStepAtLeast;
                num(b_.whole(v, p, "a number of training steps", 1, 1000000));
            } else if (key == "cnn_test_accuracy_at_least") {
                c.kind = Condition::Kind::CnnTestAccuracyAtLeast;
                num(b_.number(v, p, "an accuracy (a fraction)", 0, 1, true));
            } else if (key == "residual_step_at_least") {
                c.kind = Condition::Kind::ResidualStepAtLeast;
                num(b_.whole(v, p, "a number of training steps", 1, 1000000));
            } else if (key == "sequence_step_at_least") {
                c.kind = Condition::Kind::SequenceStepAtLeast;
                num(b_.whole(v, p, "a number of training steps", 1, 1000000));
            } else if (key == "sequence_selected_step") {
                c.kind = Condition::Kind::SequenceSelectedStep;
                num(b_.whole(v, p, "a time step (from 1)", 1, kSequenceMaxLength));
            } else if (key == "sequence_revealed_at_least") {
                c.kind = Condition::Kind::SequenceRevealedAtLeast;
                num(b_.whole(v, p, "a number of steps", 1, kSequenceMaxLength));
            } else if (key == "sequence_wh_scale") {
                c.kind = Condition::Kind::SequenceWhScale;
                ok = range(v, p, "W_h scale", kSequenceMinWhScale, kSequenceMaxWhScale, c.range);
            } else if (key == "sequence_clip") {
                c.kind = Condition::Kind::SequenceClip;
                flag();
            } else if (key == "sequence_cell") {
                c.kind = Condition::Kind::SequenceCell;
                if (const auto w = b_.word(v, p, "a recurrent cell", sequenceCells())) c.name = *w;
                else ok = false;
            } else {
                ok = fieldCondition(key, v, p, c);
            }
            if (ok) check.conditions.push_back(c);
        }
        if (!check.conditions.empty() && scene_ && b_.doc().errorCount() == before) {
            bool met = true;
            for (const Condition& c : check.conditions) met = met && metByScene(c, *scene_);
            if (met)
                b_.error(where, "expected a check the student has to work for, found one this step's own scene "
                                "already meets (it would be ticked off on entering the step)");
        }
        if (check.conditions.empty() && b_.doc().errorCount() == before)
            b_.error(where, "expected at least one condition in the check (" + listOr(kConditionKeys) +
                                "), found only a hint");
        if (b_.doc().errorCount() != before) return std::nullopt;
        return check;
    }

private:
    // <id>_<field>: a choice, word or flag equal to the value, a whole number equal to it, a
    // number in a range {at_least, at_most}; <id>_<field>_at_least / _at_most: a bound.
    bool fieldCondition(const std::string& key, const YAML::Node& v, Position p, Condition& c) {
        using Kind = WorkspaceField::Kind;
        for (const FieldWorkspace& spec : fieldWorkspaces())
            for (const WorkspaceField& f : spec.fields) {
                const std::string stem = spec.id + "_" + f.name;
                const bool numeric = f.kind == Kind::Whole || f.kind == Kind::Number;
                const bool atLeast = numeric && key == stem + "_at_least", atMost = numeric && key == stem + "_at_most";
                if (key != stem && !atLeast && !atMost) continue;
                c.kind = Condition::Kind::WorkspaceField;
                c.workspace = spec.id;
                c.field = f.name;
                if (atLeast || atMost) {
                    const std::optional<double> bound =
                        f.kind == Kind::Whole
                            ? [&]() -> std::optional<double> {
                                  const auto x = b_.whole(v, p, Block::article(f.en), static_cast<long>(f.low),
                                                          static_cast<long>(f.high));
                                  return x ? std::optional<double>(static_cast<double>(*x)) : std::nullopt;
                              }()
                            : b_.number(v, p, Block::article(f.en), f.low, f.high);
                    if (!bound) return false;
                    (atLeast ? c.range.atLeast : c.range.atMost) = *bound;
                    return true;
                }
                if (f.kind == Kind::Number || (f.kind == Kind::Whole && v.IsMap()))
                    return range(v, p, f.en, f.low, f.high, c.range);
                FieldSetting value;
                if (!readWorkspaceField(b_, f, v, p, value)) return false;
                if (f.kind == Kind::Whole) c.range.atLeast = c.range.atMost = value.number;
                else if (f.kind == Kind::Flag) c.flag = value.flag;
                else c.name = value.text;
                return true;
            }
        return false;
    }

    // Whether the scene itself certainly makes the condition hold (false when it cannot tell).
    static bool metByScene(const Condition& c, const Scene& scene) {
        const bool lab = scene.view == View::Lab;
        switch (c.kind) {
            case Condition::Kind::WorkspaceField: {
                if (!scene.workspace || scene.workspace->id != c.workspace) return false;
                const FieldSetting* set = scene.workspace->find(c.field);
                if (!set) return false;
                if (!c.name.empty()) return set->text == c.name;
                if (c.range.atLeast || c.range.atMost) return c.range.contains(set->number);
                return set->flag == c.flag;
            }
            case Condition::Kind::Sample: return !lab && scene.sample && *scene.sample == static_cast<long>(c.value);
            case Condition::Kind::LearningRate: return !lab && scene.learningRate && c.range.contains(*scene.learningRate);
            case Condition::Kind::EpochAtLeast:
                return !lab && scene.epochs && static_cast<double>(*scene.epochs) >= c.value;
            case Condition::Kind::LabEpochAtLeast:
                return lab && scene.epochs && static_cast<double>(*scene.epochs) >= c.value;
            case Condition::Kind::Threshold: return lab && scene.threshold && c.range.contains(*scene.threshold);
            case Condition::Kind::ProbeAt:
                return scene.functions && scene.functions->probe && c.range.contains(*scene.functions->probe);
            case Condition::Kind::PerceptronTask:
                return scene.perceptron && scene.perceptron->task.value_or(Gate::And) == c.gate;
            case Condition::Kind::ConvolutionState: {
                if (!scene.convolution || !c.convolution) return false;
                const ConvolutionScene& want = *c.convolution;
                const ConvolutionScene& have = *scene.convolution;
                auto same = [](const auto& w, const auto& h) { return !w || (h && *w == *h); };
                return same(want.mode, have.mode) && same(want.input, have.input) &&
                       same(want.inputSize, have.inputSize) && same(want.kernel, have.kernel) &&
                       same(want.kernelSize, have.kernelSize) && same(want.stride, have.stride) &&
                       same(want.padding, have.padding) && same(want.dilation, have.dilation) &&
                       same(want.channels, have.channels) && same(want.cursor, have.cursor) &&
                       same(want.playing, have.playing) && same(want.pool, have.pool) && same(want.layers, have.layers);
            }
            case Condition::Kind::CnnLayer: return scene.cnn && scene.cnn->layer && *scene.cnn->layer == c.name;
            case Condition::Kind::SequenceSelectedStep:
                return scene.sequence && scene.sequence->step && *scene.sequence->step == static_cast<int>(c.value);
            case Condition::Kind::SequenceWhScale:
                return scene.sequence && scene.sequence->whScale && c.range.contains(*scene.sequence->whScale);
            case Condition::Kind::SequenceClip: return scene.sequence && scene.sequence->clip && *scene.sequence->clip == c.flag;
            case Condition::Kind::SequenceCell: return scene.sequence && scene.sequence->cell && *scene.sequence->cell == c.name;
            case Condition::Kind::SequenceRevealedAtLeast:
                return scene.sequence && scene.sequence->revealed && *scene.sequence->revealed >= static_cast<int>(c.value);
            default: return false;
        }
    }

    bool range(const YAML::Node& v, Position p, const std::string& what, double low, double high, Range& out) {
        const Position at = b_.at(v, p);
        if (!b_.keys(v, at, {"at_least", "at_most"}, {}, "range key", "in '" + what + "' ({at_least: a, at_most: b})"))
            return false;
        if (v.size() == 0) {
            b_.error(at, "expected at_least or at_most in the " + what + " range, found neither");
            return false;
        }
        if (const auto a = v["at_least"]; a.IsDefined()) {
            out.atLeast = b_.number(a, at, "a " + what, low, high);
            if (!out.atLeast) return false;
        }
        if (const auto b = v["at_most"]; b.IsDefined()) {
            out.atMost = b_.number(b, at, "a " + what, low, high);
            if (!out.atMost) return false;
        }
        if (out.atLeast && out.atMost && *out.atLeast > *out.atMost) {
            b_.error(at, "expected at_least ≤ at_most, found " + numberText(*out.atLeast) + " > " +
                             numberText(*out.atMost));
            return false;
        }
        return true;
    }

    Block& b_;
    const std::optional<Scene>& scene_;
};

std::optional<Quiz> readQuiz(Block& b, const YAML::Node& root, Position where) {
    const std::size_t before = b.doc().errorCount();
    if (!b.keys(root, where, {"question", "choices", "answer", "tolerance", "explanation", "explain"},
                {"question", "answer", "explanation"}, "quiz key", "in the quiz"))
        return std::nullopt;
    Quiz quiz;
    quiz.position = where;
    if (const auto q = root["question"]; q.IsDefined()) {
        if (auto t = b.text(q, where, "the question", false)) quiz.question = *t;
    }
    if (const auto e = root["explanation"]; e.IsDefined()) {
        if (auto t = b.text(e, where, "the explanation", false)) quiz.explanation = *t;
    }
    if (const auto e = root["explain"]; e.IsDefined()) {
        static const std::vector<Named<Explain>> kExplain{{"after_correct", Explain::AfterCorrect},
                                                         {"on_request", Explain::OnRequest}};
        if (const auto v = b.named(e, where, "when to explain", kExplain)) quiz.explain = *v;
    }
    const auto choices = root["choices"];
    if (choices.IsDefined() && b.list(choices, where, "choices", 2, 8)) {
        std::map<std::string, Position> seen;
        for (const auto& c : choices) {
            auto t = b.text(c, where, "a choice", true);
            if (!t) continue;
            if (const auto it = seen.find(t->en); it != seen.end()) {
                b.error(t->position, "expected different choices, found the same text as the choice at line " +
                                         std::to_string(it->second.line));
                continue;
            }
            seen.emplace(t->en, t->position);
            quiz.choices.push_back(*t);
        }
    }
    const auto answer = root["answer"];
    if (answer.IsDefined() && choices.IsDefined()) {
        const long n = static_cast<long>(choices.IsSequence() ? choices.size() : 0);
        const std::string range = "a choice number from 1 to " + std::to_string(n);
        auto one = [&](const YAML::Node& a) {
            static const std::regex integer("[0-9]{1,9}");
            if (!Block::isPlain(a) || !std::regex_match(a.Scalar(), integer)) {
                b.error(b.at(a, where), "expected " + range + " (or a list of them), found " + Block::describe(a));
                return;
            }
            const auto k = b.whole(a, where, "a choice number", 1, std::max(1L, n));
            if (!k) return;
            const int index = static_cast<int>(*k) - 1;
            if (std::find(quiz.answers.begin(), quiz.answers.end(), index) != quiz.answers.end())
                b.error(b.at(a, where), "expected each right choice once, found " + a.Scalar() + " again");
            else
                quiz.answers.push_back(index);
        };
        if (answer.IsSequence()) {
            if (answer.size() == 0)
                b.error(b.at(answer, where), "expected " + range + " (or a list of them), found an empty list");
            for (const auto& a : answer) one(a);
        } else {
            one(answer);
        }
        if (const auto t = root["tolerance"]; t.IsDefined())
            b.error(b.at(t, where), "expected 'tolerance' only for a numeric answer, found it with choices");
    } else if (answer.IsDefined()) {
        if (!Block::isPlain(answer)) {
            b.error(b.at(answer, where), "expected a number as the answer (or 'choices' for a multiple-choice quiz), "
                                         "found " + Block::describe(answer));
        } else {
            quiz.number = b.number(answer, where, "a numeric answer", -1e12, 1e12);
        }
        if (const auto t = root["tolerance"]; t.IsDefined()) {
            if (const auto tol = b.number(t, where, "a tolerance", 0, 1e12)) quiz.tolerance = *tol;
        }
    }
    if (b.doc().errorCount() != before) return std::nullopt;
    return quiz;
}

// ---------------------------------------------------------------------------------------------
// The file: front matter, then the body.

const std::regex kIdPattern("[a-z0-9]+(-[a-z0-9]+)*");

bool validId(const std::string& id) { return id.size() <= 64 && std::regex_match(id, kIdPattern); }

std::string fileName(const std::string& path) {
    const std::size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

class LessonReader {
public:
    LessonReader(std::string_view text, const std::string& path, LessonParse& out)
        : raw_(text), out_(out), doc_(path, out.diagnostics) {}

    void run() {
        if (!doc_.load(raw_)) return;
        lesson_.path = doc_.path();
        const int frontEnd = frontMatter();
        if (frontEnd < 0) return;
        body(frontEnd + 1);
        if (out_.diagnostics.empty()) out_.lesson = std::move(lesson_);
    }

private:
    bool isDelimiter(std::string_view line, bool closing) const {
        const std::string_view t = trim(line);
        return t == "---" || (closing && t == "...");
    }

    // Returns the line of the closing delimiter, or -1.
    int frontMatter() {
        if (doc_.lineCount() == 0 || !isDelimiter(doc_.line(1), false) ||
            doc_.line(1).find_first_not_of(" \t") != 0) {
            doc_.error({1, 1}, "expected '---' on the first line, opening the YAML front matter, found " +
                                   (doc_.lineCount() == 0 ? std::string("an empty file") : quoted(doc_.line(1))));
            return -1;
        }
        int close = -1;
        for (int l = 2; l <= doc_.lineCount(); ++l)
            if (isDelimiter(doc_.line(l), true) && doc_.line(l).find_first_not_of(" \t") == 0) {
                close = l;
                break;
            }
        if (close < 0) {
            doc_.error({1, 1}, "expected '---' closing the front matter opened here, found the end of the file");
            return -1;
        }
        Block block(doc_, 2, out_.formulas);
        const auto root = block.parse(close - 1);
        if (!root) return close;
        const Position where{1, 1};
        if (root->IsNull() || !root->IsDefined()) {
            doc_.error(where, "expected the front matter keys id, title, chapter, order and minutes, found nothing");
            return close;
        }
        if (!block.keys(*root, where, {"id", "title", "summary", "chapter", "order", "minutes", "prerequisites"},
                        {"id", "title", "chapter", "order", "minutes"}, "front-matter key", "in the front matter"))
            return close;
        const YAML::Node& r = *root;
        if (const auto id = r["id"]; id.IsDefined()) {
            const Position p = block.at(id, where);
            if (!id.IsScalar() || !validId(id.Scalar())) {
                doc_.error(p, "expected an id of lowercase letters, digits and single '-' (like 'perceptron-rule'), "
                              "found " + Block::describe(id));
            } else {
                lesson_.id = id.Scalar();
                lesson_.idAt = p;
                const std::string expected = lesson_.id + ".md";
                const std::string actual = fileName(doc_.path());
                if (actual != expected)
                    doc_.error(p, "expected the file to be named after the id ('" + expected + "'), found '" +
                                      actual + "'");
            }
        }
        if (const auto t = r["title"]; t.IsDefined()) {
            if (auto text = block.text(t, where, "the title", false)) lesson_.title = *text;
        }
        if (const auto s = r["summary"]; s.IsDefined()) lesson_.summary = block.text(s, where, "the summary", false);
        if (const auto c = r["chapter"]; c.IsDefined()) {
            if (const auto v = block.whole(c, where, "a chapter number", 1, 99)) lesson_.chapter = static_cast<int>(*v);
            lesson_.chapterAt = block.at(c, where);
        }
        if (const auto o = r["order"]; o.IsDefined()) {
            if (const auto v = block.whole(o, where, "a position in the chapter", 1, 999))
                lesson_.order = static_cast<int>(*v);
            lesson_.orderAt = block.at(o, where);
        }
        if (const auto m = r["minutes"]; m.IsDefined()) {
            if (const auto v = block.whole(m, where, "an estimate in minutes", 1, 600))
                lesson_.minutes = static_cast<int>(*v);
        }
        if (const auto p = r["prerequisites"]; p.IsDefined()) {
            const Position pp = block.at(p, where);
            if (!p.IsSequence()) {
                doc_.error(pp, "expected a list of lesson ids (like [perceptron]), found " + Block::describe(p));
            } else {
                for (const auto& item : p) {
                    if (!item.IsScalar() || !validId(item.Scalar())) {
                        doc_.error(block.at(item, pp), "expected a lesson id, found " + Block::describe(item));
                    } else if (item.Scalar() == lesson_.id) {
                        doc_.error(block.at(item, pp), "expected other lessons as prerequisites, found the "
                                                       "lesson's own id '" + item.Scalar() + "'");
                    } else {
                        lesson_.prerequisites.push_back(item.Scalar());
                        lesson_.prerequisiteAt.push_back(block.at(item, pp));
                    }
                }
            }
        }
        return close;
    }

    struct Fence {
        char c = 0;
        std::size_t length = 0;
        int line = 0;
    };

    static std::optional<Fence> fenceOpen(std::string_view line, int number, std::string* info) {
        const auto opening = codeFenceOpening(line, info);
        if (!opening) return std::nullopt;
        return Fence{opening->c, opening->length, number};
    }

    static bool fenceCloses(const Fence& fence, std::string_view line) {
        return closesCodeFence({fence.c, fence.length}, line);
    }

    struct OpenStep {
        Step step;
        int enLine = 0, zhLine = 0, sceneLine = 0, checkLine = 0, quizLine = 0;
        YAML::Node checkNode;
        Position checkAt;
        int checkBlockLine = 0;
    };

    void body(int start) {
        std::optional<OpenStep> current;
        std::set<std::string> stepIds;
        std::map<std::string, int> stepLines;
        struct Lang {
            Language language;
            int line;
            int first;
        };
        std::optional<Lang> open;
        std::optional<Fence> fence;  // a code fence inside a language block

        std::optional<View> view;  // the view in effect, from the latest scene that names one
        bool viewKnown = true;
        auto finishStep = [&]() {
            if (!current) return;
            Step& s = current->step;
            if (current->enLine == 0)
                doc_.error(s.position, "expected a '::: en' block in step '" + s.id + "', found none");
            if (current->zhLine == 0)
                doc_.error(s.position, "expected a '::: zh' block in step '" + s.id + "', found none");
            // A step without a scene keeps the view of the step before; lab conditions need the lab.
            // After a scene with errors the view is unknown (its own messages say what is wrong).
            if (s.scene && s.scene->view) view = *s.scene->view;
            if (current->sceneLine != 0 && !s.scene) viewKnown = false;
            else if (s.scene && s.scene->view) viewKnown = true;
            if (s.check && viewKnown) {
                for (const Condition& c : s.check->conditions) {
                    const std::optional<View> needed = conditionView(c);
                    if (needed && view != needed)
                        doc_.error(c.position, "expected 'view: " + viewName(*needed) +
                                                   "' in the scene of this step or an earlier one for '" + c.key +
                                                   "' (it looks at the " +
                                                   (*needed == View::Lab ? std::string("training lab") : viewName(*needed) + " view") +
                                                   "), found " +
                                                   (view ? "view: " + viewName(*view) : std::string("no view")));
                }
            }
            lesson_.steps.push_back(std::move(s));
            current.reset();
        };

        auto closeLanguage = [&](int closingLine) {
            const std::string markdown = doc_.joined(open->first, closingLine - 1);
            Prose prose{markdown, open->first};
            if (trim(markdown).empty())
                doc_.error({open->line, 1}, std::string("expected text in the '::: ") +
                                                std::string(code(open->language)) + "' block, found none");
            Block block(doc_, open->first, out_.formulas);
            block.scan(markdown, {open->first, 1}, true);
            for (const std::size_t at : unclosableStrong(markdown)) {
                const std::size_t lineStart = markdown.rfind('\n', at) == std::string::npos ? 0 : markdown.rfind('\n', at) + 1;
                const int line = open->first + static_cast<int>(std::count(markdown.begin(), markdown.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
                const std::string_view text = std::string_view(markdown).substr(lineStart);
                doc_.error({line, characterCount(text, at - lineStart) + 1},
                           "expected the closing '**' after the punctuation before it (bold cannot close between "
                           "punctuation and a character: write '**…**。' not '**…。**'), found " +
                               quoted(text.substr(at - lineStart, text.find('\n') - (at - lineStart)), 8));
            }
            if (current) (open->language == Language::English ? current->step.en : current->step.zh) = prose;
            open.reset();
        };

        static const std::regex stepLine("#[ \\t]+step:[ \\t]*(.*?)[ \\t]*");
        static const std::regex languageOpen(":::[ \\t]*([^ \\t].*?)[ \\t]*");
        for (int l = start; l <= doc_.lineCount(); ++l) {
            const std::string_view line = doc_.line(l);
            const std::string text(line);
            std::smatch m;
            if (open) {
                // Inside a language block: Markdown, possibly with code fences; ':::' closes.
                if (fence) {
                    if (fenceCloses(*fence, line)) fence.reset();
                    continue;
                }
                std::string info;
                if (auto f = fenceOpen(line, l, &info)) {
                    if (info == "scene" || info == "check" || info == "quiz")
                        doc_.error({l, 1}, "expected the ```" + info + " block outside the language block (after "
                                           "its closing ':::'), found it inside '::: " +
                                           std::string(code(open->language)) + "'");
                    fence = f;
                    continue;
                }
                if (trim(line) == ":::") {
                    closeLanguage(l);
                    continue;
                }
                if (std::regex_match(text, m, stepLine) || std::regex_match(text, m, languageOpen)) {
                    doc_.error({l, 1}, std::string("expected ':::' closing the '::: ") + std::string(code(open->language)) +
                                           "' block opened at line " + std::to_string(open->line) + ", found " +
                                           quoted(trim(line)));
                    // Recover: treat the block as closed before this line and re-read it.
                    closeLanguage(l);
                    --l;
                }
                continue;
            }
            if (trim(line).empty()) continue;
            if (std::regex_match(text, m, stepLine)) {
                finishStep();
                const std::string id = m[1].str();
                OpenStep step;
                step.step.position = {l, 1};
                if (!validId(id)) {
                    doc_.error({l, 1 + characterCount(line, static_cast<std::size_t>(m.position(1)))},
                               "expected a step id of lowercase letters, digits and single '-', found " +
                                   (id.empty() ? std::string("none") : quoted(id)));
                } else if (stepIds.count(id)) {
                    doc_.error({l, 1 + characterCount(line, static_cast<std::size_t>(m.position(1)))},
                               "expected a step id not used before in this lesson, found '" + id +
                                   "' again (first at line " + std::to_string(stepLines[id]) + ")");
                }
                stepIds.insert(id);
                stepLines.emplace(id, l);
                step.step.id = id;
                current = std::move(step);
                continue;
            }
            if (std::regex_match(text, m, languageOpen) && line.substr(0, 3) == ":::") {
                const std::string name = m[1].str();
                bool unnamed = false;
                std::optional<Language> language;
                if (name == "en") language = Language::English;
                else if (name == "zh") language = Language::Chinese;
                if (!language) {
                    static const std::map<std::string, std::string> aliases{
                        {"zh_CN", "zh"}, {"zh-CN", "zh"}, {"cn", "zh"},      {"chinese", "zh"},
                        {"中文", "zh"},  {"english", "en"}, {"en_US", "en"}, {"en-US", "en"}};
                    std::string guess = closestMatch(name, {"en", "zh"});
                    if (const auto it = aliases.find(name); it != aliases.end()) guess = it->second;
                    doc_.error({l, 1 + characterCount(line, static_cast<std::size_t>(m.position(1)))},
                               "expected a language block '::: en' or '::: zh', found '::: " + name + "'" +
                                   (guess.empty() ? std::string() : " (did you mean '" + guess + "'?)"));
                    // Read on as the likely language, so the rest is not misreported.
                    language = guess == "zh" ? Language::Chinese : Language::English;
                    if (guess.empty()) unnamed = true;
                }
                if (!current) {
                    doc_.error({l, 1}, "expected '# step: <id>' before the first block, found " + quoted(trim(line)));
                } else if (!unnamed) {
                    int& seen = *language == Language::English ? current->enLine : current->zhLine;
                    if (seen != 0)
                        doc_.error({l, 1}, "expected one '::: " + std::string(code(*language)) +
                                               "' block per step, found a second (the first is at line " +
                                               std::to_string(seen) + ")");
                    else
                        seen = l;
                }
                open = Lang{*language, l, l + 1};
                continue;
            }
            if (trim(line) == ":::") {
                doc_.error({l, 1}, "expected '::: en' or '::: zh' before a closing ':::', found no open block");
                continue;
            }
            std::string info;
            if (auto f = fenceOpen(line, l, &info)) {
                // A lesson block (```scene, ```check, ```quiz) holding YAML.
                int close = -1;
                for (int k = l + 1; k <= doc_.lineCount(); ++k)
                    if (fenceCloses(*f, doc_.line(k))) {
                        close = k;
                        break;
                    }
                const bool known = info == "scene" || info == "check" || info == "quiz";
                if (close < 0) {
                    doc_.error({l, 1}, "expected a closing fence for the block opened here, found the end of the file");
                    break;
                }
                if (!known) {
                    const std::string guess = closestMatch(info, {"scene", "check", "quiz"});
                    doc_.error({l, 1 + static_cast<int>(f->length)},
                               "expected a ```scene, ```check or ```quiz block (text goes in '::: en' and "
                               "'::: zh' blocks), found " +
                                   (info.empty() ? std::string("a block without a name") : "```" + info) +
                                   (guess.empty() ? std::string() : " (did you mean '" + guess + "'?)"));
                } else if (!current) {
                    doc_.error({l, 1}, "expected '# step: <id>' before the first block, found ```" + info);
                } else if (line[0] != f->c) {
                    doc_.error({l, 1}, "expected the ```" + info + " fence at the start of the line, found it indented");
                } else {
                    yamlBlock(info, l, close, *current);
                }
                l = close;
                continue;
            }
            if (!current)
                doc_.error({l, 1}, "expected '# step: <id>' before the first block, found " + quoted(trim(line)));
            else
                doc_.error({l, 1}, "expected '::: en', '::: zh', a ```scene, ```check or ```quiz block, or "
                                   "'# step: <id>', found text outside a block: " + quoted(trim(line)));
        }
        if (open) {
            doc_.error({open->line, 1}, std::string("expected ':::' closing the '::: ") + std::string(code(open->language)) +
                                            "' block opened here, found the end of the file");
            open.reset();
        }
        finishStep();
        if (lesson_.steps.empty() && out_.diagnostics.empty())
            doc_.error({doc_.lineCount() + (doc_.lineCount() == 0 ? 1 : 0), 1},
                       "expected at least one step ('# step: <id>' after the front matter), found none");
    }

    void yamlBlock(const std::string& kind, int open, int close, OpenStep& step) {
        int& seen = kind == "scene" ? step.sceneLine : kind == "check" ? step.checkLine : step.quizLine;
        if (seen != 0) {
            doc_.error({open, 1}, "expected one ```" + kind + " block per step, found a second (the first is at line " +
                                      std::to_string(seen) + ")");
            return;
        }
        seen = open;
        Block block(doc_, open + 1, out_.formulas);
        const Position where{open, 1};
        if (close == open + 1) {
            doc_.error(where, "expected YAML in the ```" + kind + " block, found an empty block");
            return;
        }
        const auto root = block.parse(close - 1);
        if (!root) return;
        if (root->IsNull()) {
            doc_.error(where, "expected YAML in the ```" + kind + " block, found none");
            return;
        }
        if (kind == "scene") {
            SceneReader reader(block);
            step.step.scene = reader.read(*root, where);
        } else if (kind == "check") {
            CheckReader reader(block, step.step.scene);
            step.step.check = reader.read(*root, where);
        } else {
            step.step.quiz = readQuiz(block, *root, where);
        }
    }

    std::string_view raw_;
    LessonParse& out_;
    Document doc_;
    Lesson lesson_;
};

}  // namespace

LessonParse parseLesson(std::string_view text, const std::string& path) {
    LessonParse out;
    try {
        LessonReader(text, path, out).run();
    } catch (const std::exception& e) {
        // yaml-cpp reports some malformed documents only when a node is read; nothing a lesson
        // contains may take the linter or the app down.
        out.lesson.reset();
        out.diagnostics.push_back({path, {}, std::string("expected a readable lesson, found an error: ") + e.what()});
    }
    std::stable_sort(out.diagnostics.begin(), out.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::pair(a.position.line, a.position.column) < std::pair(b.position.line, b.position.column);
    });
    return out;
}

ChapterParse parseChapter(std::string_view text, const std::string& path) {
    ChapterParse out;
    try {
        Document doc(path, out.diagnostics);
        if (!doc.load(text)) return out;
        std::vector<MathSpan> formulas;
        Block block(doc, 1, formulas);
        const auto root = block.parse(std::max(1, doc.lineCount()));
        if (!root) return out;
        const Position where{1, 1};
        if (!block.keys(*root, where, {"chapter", "title"}, {"chapter", "title"}, "chapter key", "in chapter.yaml"))
            return out;
        Chapter chapter;
        chapter.path = path;
        if (const auto c = (*root)["chapter"]; c.IsDefined()) {
            if (const auto v = block.whole(c, where, "a chapter number", 1, 99)) chapter.number = static_cast<int>(*v);
        }
        if (const auto t = (*root)["title"]; t.IsDefined()) {
            if (auto text = block.text(t, where, "the chapter title", false)) chapter.title = *text;
        }
        if (out.diagnostics.empty()) out.chapter = chapter;
    } catch (const std::exception& e) {
        out.chapter.reset();
        out.diagnostics.push_back({path, {}, std::string("expected a readable chapter.yaml, found an error: ") + e.what()});
    }
    return out;
}

}  // namespace ns::lessons
