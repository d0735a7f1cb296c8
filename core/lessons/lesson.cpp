#include "lessons/lesson.h"

#include "lessons/field_workspaces.h"

#include "lessons/text_util.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace ns::lessons {

std::string_view code(Language language) { return language == Language::Chinese ? "zh" : "en"; }

std::string_view name(Control control) {
    switch (control) {
        case Control::Play: return "play";
        case Control::Step: return "step";
        case Control::Reset: return "reset";
        case Control::LearningRate: return "learning_rate";
        case Control::Speed: return "speed";
        case Control::Sample: return "sample";
        case Control::Backprop: return "backprop";
        case Control::StepperBar: return "stepper_bar";
        case Control::Granularity: return "granularity";
        case Control::Batch: return "batch";
        case Control::PerceptronTask: return "perceptron_task";
        case Control::PerceptronEta: return "perceptron_eta";
        case Control::PerceptronStep: return "perceptron_step";
        case Control::PerceptronEpoch: return "perceptron_epoch";
        case Control::PerceptronRun: return "perceptron_run";
        case Control::PerceptronReset: return "perceptron_reset";
        case Control::PerceptronWeights: return "perceptron_weights";
        case Control::FunctionChoice: return "function_choice";
        case Control::FunctionProbe: return "function_probe";
    }
    return "";
}

const std::vector<Control>& allControls() {
    static const std::vector<Control> controls{
        Control::Play, Control::Step, Control::Reset, Control::LearningRate, Control::Speed,
        Control::Sample, Control::Backprop, Control::StepperBar, Control::Granularity, Control::Batch,
        Control::PerceptronTask, Control::PerceptronEta, Control::PerceptronStep,
        Control::PerceptronEpoch, Control::PerceptronRun, Control::PerceptronReset,
        Control::PerceptronWeights, Control::FunctionChoice, Control::FunctionProbe};
    return controls;
}

bool isLabCondition(const Condition& condition) {
    switch (condition.kind) {
        case Condition::Kind::LabLossBelow:
        case Condition::Kind::TestLossBelow:
        case Condition::Kind::TestAccuracyAtLeast:
        case Condition::Kind::LabEpochAtLeast:
        case Condition::Kind::LabDiverged:
        case Condition::Kind::Threshold: return true;
        default: return false;
    }
}

std::optional<View> conditionView(const Condition& condition) {
    if (isLabCondition(condition)) return View::Lab;
    switch (condition.kind) {
        case Condition::Kind::ConvolutionState:
        case Condition::Kind::ConvolutionVisitedAll: return View::Convolution;
        case Condition::Kind::CnnLayer:
        case Condition::Kind::CnnStepAtLeast:
        case Condition::Kind::CnnTestAccuracyAtLeast: return View::Cnn;
        case Condition::Kind::ResidualStepAtLeast: return View::Residual;
        case Condition::Kind::SequenceStepAtLeast:
        case Condition::Kind::SequenceSelectedStep:
        case Condition::Kind::SequenceRevealedAtLeast:
        case Condition::Kind::SequenceWhScale:
        case Condition::Kind::SequenceClip:
        case Condition::Kind::SequenceCell: return View::Sequence;
        case Condition::Kind::WorkspaceField: {
            const FieldWorkspace* spec = fieldWorkspace(condition.workspace);
            return spec ? std::optional<View>(spec->view) : std::nullopt;
        }
        default: return std::nullopt;
    }
}

const std::vector<std::string>& convolutionModes() {
    static const std::vector<std::string> names{"conv", "pool", "receptive", "pointwise"};
    return names;
}

const std::vector<std::string>& convolutionInputs() {
    static const std::vector<std::string> names{"digit_0", "digit_1", "digit_2", "digit_3", "digit_4", "digit_5",
                                                "digit_6", "digit_7", "digit_8", "digit_9", "circle", "square",
                                                "cross",   "diagonal"};
    return names;
}

const std::vector<std::string>& convolutionKernels() {
    static const std::vector<std::string> names{"identity", "box_blur", "gaussian", "sharpen",
                                                "sobel_x",  "sobel_y",  "laplacian"};
    return names;
}

const std::vector<std::string>& sequenceCells() {
    static const std::vector<std::string> names{"rnn", "lstm", "gru"};
    return names;
}

const std::vector<std::string>& sequenceTasks() {
    static const std::vector<std::string> names{"remember_first", "adding", "sine", "characters"};
    return names;
}

const std::vector<std::string>& sequencePanels() {
    static const std::vector<std::string> names{"unrolled", "bptt", "training"};
    return names;
}

const std::vector<std::string>& cnnDatasets() {
    static const std::vector<std::string> names{"builtin", "shapes", "fashion_mnist"};
    return names;
}

const std::vector<std::string>& cnnLayers() {
    static const std::vector<std::string> names{"conv1", "relu1", "pool1", "conv2", "relu2", "pool2",
                                                "flatten", "fc1",  "relu3", "fc2",   "relu4", "fc3"};
    return names;
}

bool Scene::has(std::string_view key) const {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

const std::vector<std::string>& lossCurveNames() {
    static const std::vector<std::string> names{"mse", "mae", "huber", "bce", "focal"};
    return names;
}

const std::vector<int>& speedChoices() {
    static const std::vector<int> choices{1, 5, 20, 100, 500, 0};
    return choices;
}

const std::vector<int>& labSpeedChoices() {
    static const std::vector<int> choices{1, 5, 20, 60, 200, 0};
    return choices;
}

std::optional<double> parseNumberAnswer(std::string_view input) {
    std::string text(trim(input));
    if (text.empty() || text.size() > 64) return std::nullopt;
    // Full-width digits and signs typed with a Chinese input method count as ordinary ones.
    auto replaceAll = [&text](std::string_view from, std::string_view to) {
        for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
            text.replace(at, from.size(), to);
    };
    static const char* fullWidth[] = {"０", "１", "２", "３", "４", "５", "６", "７", "８", "９"};
    for (int d = 0; d < 10; ++d) replaceAll(fullWidth[d], std::string(1, static_cast<char>('0' + d)));
    replaceAll("．", ".");
    replaceAll("，", ",");
    replaceAll("－", "-");
    replaceAll("−", "-");
    replaceAll("／", "/");
    replaceAll("％", "%");
    text = std::string(trim(text));
    double scale = 1;
    if (!text.empty() && text.back() == '%') {
        scale = 0.01;
        text.pop_back();
        text = std::string(trim(text));
    }
    // A decimal comma is accepted when it is the only separator ("0,25").
    if (text.find(',') != std::string::npos && text.find('.') == std::string::npos &&
        std::count(text.begin(), text.end(), ',') == 1)
        std::replace(text.begin(), text.end(), ',', '.');
    auto number = [](std::string_view s) -> std::optional<double> {
        s = trim(s);
        if (!s.empty() && s.front() == '+') s.remove_prefix(1);
        double v = 0;
        const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (s.empty() || error != std::errc() || end != s.data() + s.size() || !std::isfinite(v))
            return std::nullopt;
        return v;
    };
    if (const auto slash = text.find('/'); slash != std::string::npos) {
        const auto top = number(std::string_view(text).substr(0, slash));
        const auto bottom = number(std::string_view(text).substr(slash + 1));
        if (!top || !bottom || *bottom == 0) return std::nullopt;
        return *top / *bottom * scale;
    }
    const auto v = number(text);
    if (!v) return std::nullopt;
    return *v * scale;
}

Grade grade(const Quiz& quiz, const std::vector<int>& selected) {
    if (quiz.isNumeric() || selected.empty()) return Grade::Invalid;
    std::vector<int> given = selected;
    std::sort(given.begin(), given.end());
    given.erase(std::unique(given.begin(), given.end()), given.end());
    for (int i : given)
        if (i < 0 || i >= static_cast<int>(quiz.choices.size())) return Grade::Invalid;
    std::vector<int> right = quiz.answers;
    std::sort(right.begin(), right.end());
    return given == right ? Grade::Right : Grade::Wrong;
}

Grade grade(const Quiz& quiz, std::string_view input) {
    if (!quiz.isNumeric()) return Grade::Invalid;
    const auto value = parseNumberAnswer(input);
    if (!value) return Grade::Invalid;
    // The tolerance is the author's; the tiny relative slack only absorbs decimal rounding
    // (0.1 + 0.2 typed as 0.3).
    const double slack = 1e-9 * std::max(1.0, std::abs(*quiz.number));
    return std::abs(*value - *quiz.number) <= quiz.tolerance + slack ? Grade::Right : Grade::Wrong;
}

std::string Step::title(Language language) const {
    std::string_view text = prose(language).markdown;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = trim(text.substr(0, end));
        if (!line.empty()) {
            if (line.front() != '#') return {};
            std::size_t hashes = 0;
            while (hashes < line.size() && line[hashes] == '#') ++hashes;
            if (hashes > 6 || hashes >= line.size() || line[hashes] != ' ') return {};
            return std::string(trim(line.substr(hashes)));
        }
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return {};
}

int Lesson::stepIndex(std::string_view stepId) const {
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (steps[i].id == stepId) return static_cast<int>(i);
    return -1;
}

int Lesson::quizCount() const {
    return static_cast<int>(std::count_if(steps.begin(), steps.end(),
                                          [](const Step& s) { return s.quiz.has_value(); }));
}

}  // namespace ns::lessons
