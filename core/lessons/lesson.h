#pragma once
// A lesson as the app runs it: front matter, then steps; each step has its prose in English
// and Simplified Chinese and may carry a scene (the app state it sets up), a check (a condition
// the student must reach) and a quiz. The file format is described in lessons/FORMAT.md; this
// is what lesson_parser.h turns a file into. Qt-free: the command-line linter uses it too.
#include "base/activation.h"
#include "stepper/backprop_steps.h"
#include "lab/lab_data.h"
#include "lab/lab_loss.h"
#include "base/loss.h"
#include "lab/lr_schedule.h"
#include "mlp/mlp.h"
#include "lab/optimizer.h"
#include "lab/regularization.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ns::lessons {

enum class Language { English, Chinese };
std::string_view code(Language language);  // "en", "zh"

// 1-based line and column (columns count Unicode characters, not bytes); 0 when unknown.
struct Position {
    int line = 0;
    int column = 0;
    bool operator==(const Position&) const = default;
};

// One text in both languages. Lesson text is Markdown and may contain $…$ and $$…$$ formulas.
struct Text {
    std::string en;
    std::string zh;
    Position position;  // where the text's YAML value starts (for messages)
    const std::string& in(Language language) const {
        return language == Language::Chinese ? zh : en;
    }
};

// ---- Scenes: the app state a step sets up ----

enum class View {
    Network,     // the network drawing and the loss curve (training)
    Stepper,     // backpropagation one value at a time
    Graph,       // the stepper with the computational graph of one neuron
    Perceptron,  // the perceptron: logic gates, the learning rule, the decision line
    Functions,   // plots of activation or loss functions and their derivatives
    Lab,         // the training lab (datasets, optimizers, regularisation)
    Convolution, // the sliding window: convolution, pooling, receptive field, 1×1 convolution
    Cnn,         // a CNN trained live: curves, feature maps, filters, confusion matrix
    Residual,    // plain vs residual deep nets, with and without BatchNorm: gradient norms
    Sequence,    // RNN, LSTM and GRU unrolled through time, BPTT, trained on toy tasks
    // Workspaces driven by their fields alone (field_workspaces.h describes each).
    Embedding,   // skip-gram word vectors: the 2-D map, neighbours, analogies, one-hot vs dense
    GridWorld,   // a grid-world MDP: value iteration sweep by sweep, Q-learning
    Bandit,      // k-armed bandit: greedy, ε-greedy and UCB side by side
    CartPole,    // CartPole: DQN with and without replay / target network, policy gradient
};

enum class Gate { And, Or, Nand, Nor, Not, Xor };

// How the perceptron view works in a scene: learn with Algorithm 1, set w and θ by hand (the
// M-P neuron), or a hand-built hidden layer of two threshold units (XOR).
enum class PerceptronMode { Learn, Manual, Hidden };

struct ThresholdUnit {  // y = step(w₁x₁ + w₂x₂ + b)
    double w1 = 0;
    double w2 = 0;
    double b = 0;
};

struct PerceptronScene {
    std::optional<Gate> task;
    std::optional<PerceptronMode> mode;
    std::optional<double> eta;                  // learning rate of the rule
    std::optional<std::vector<double>> weights;  // w (one per input) to start from
    std::optional<double> bias;
    // Hidden mode: the two hidden units and the output unit.
    std::optional<ThresholdUnit> hidden1, hidden2, output;
};

struct FunctionsScene {
    std::vector<Activation> activations;  // either activations …
    std::vector<std::string> losses;      // … or losses: mse mae huber bce focal
    std::optional<bool> derivative;       // also plot σ'(z) (or ∂ℓ/∂ŷ)
    std::optional<double> probe;          // where the probe line starts
    std::optional<double> target;         // losses: the target y (0 or 1 for bce and focal)
};

// The convolution view. Names and limits are those of the view's controls (convolutionLimits()).
struct PoolScene {
    std::string kind;  // max or avg
    int size = 2;
    int stride = 2;
    bool operator==(const PoolScene&) const = default;
};

struct ConvolutionScene {
    std::optional<std::string> mode;    // conv, pool, receptive, pointwise
    std::optional<std::string> input;   // digit_0 … digit_9, circle, square, cross, diagonal
    std::optional<int> inputSize;       // side of the square input
    std::optional<std::string> kernel;  // identity, box_blur, gaussian, sharpen, sobel_x, sobel_y, laplacian
    std::optional<int> kernelSize, stride, padding, dilation, channels;
    std::optional<std::pair<int, int>> cursor;  // output row, column (from 0)
    std::optional<bool> playing;
    std::optional<PoolScene> pool;
    std::optional<int> layers;  // receptive mode: stacked convolutions
    bool operator==(const ConvolutionScene&) const = default;
};

struct ConvolutionLimits {
    int minInput = 3, maxInput = 28;
    int minKernel = 1, maxKernel = 7;
    int maxStride = 4, maxPadding = 3, maxDilation = 4;
    int minPool = 2, maxPool = 4;
    int maxLayers = 3;
};
inline constexpr ConvolutionLimits kConvolutionLimits{};
const std::vector<std::string>& convolutionModes();
const std::vector<std::string>& convolutionInputs();
const std::vector<std::string>& convolutionKernels();

// The CNN view: LeNet-5 on a data set; training steps are mini-batches.
struct CnnScene {
    std::optional<std::string> dataset;  // builtin, shapes, fashion_mnist
    std::optional<double> learningRate;
    std::optional<long> batchSize;
    std::optional<bool> training;        // playing
    std::optional<int> input;            // the test image whose feature maps are shown (from 0)
    std::optional<std::string> layer;    // the node whose feature maps are shown
};
const std::vector<std::string>& cnnDatasets();
const std::vector<std::string>& cnnLayers();  // LeNet-5's nodes: conv1, relu1, pool1, …

// The residual experiment: four deep nets trained side by side.
struct ResidualScene {
    std::optional<Activation> activation;  // sigmoid, tanh or relu
    std::optional<int> blocks;             // 2·blocks + 2 dense layers
    std::optional<bool> training;
};
inline constexpr int kResidualMinBlocks = 3;
inline constexpr int kResidualMaxBlocks = 12;

// The sequences workspace: the cell drawn, the toy task and its length, training, and what the
// BPTT panel shows (the recurrent weights' scale, clipping, how many steps the gradient has
// flowed back), the selected step (1-based) and the panel shown.
struct SequenceScene {
    std::optional<std::string> cell;   // rnn, lstm, gru
    std::optional<std::string> task;   // remember_first, adding, sine, characters
    std::optional<int> length;
    std::optional<bool> training;
    std::optional<double> whScale;
    std::optional<bool> clip;
    std::optional<int> step;           // 1-based
    std::optional<std::string> panel;  // unrolled, bptt, training
    std::optional<int> revealed;       // BPTT: steps the gradient has reached, counted from the last
};
const std::vector<std::string>& sequenceCells();
const std::vector<std::string>& sequenceTasks();
const std::vector<std::string>& sequencePanels();
inline constexpr int kSequenceMinLength = 5;
inline constexpr int kSequenceMaxLength = 100;
inline constexpr double kSequenceMinWhScale = 0.25;
inline constexpr double kSequenceMaxWhScale = 8.0;

// A scene block of a workspace described in field_workspaces.h: its fields as the lesson gives them,
// already checked against the field's kind and limits (number for whole numbers and numbers,
// text for choices and words, flag for flags).
struct FieldSetting {
    std::string field;
    double number = 0;
    std::string text;
    bool flag = false;
    Position position;
    bool operator==(const FieldSetting&) const = default;
};

struct FieldScene {
    std::string id;
    std::vector<FieldSetting> settings;  // in file order
    const FieldSetting* find(std::string_view field) const;
};

// The training lab's settings use the lab core's own types and names (lab_data.h, optimizer.h,
// lr_schedule.h, regularization.h, lab_loss.h), so the linter accepts exactly what the lab can do.
struct RegularizationScene {
    Penalty penalty = Penalty::None;      // l1 or l2 (the lab applies one penalty)
    double lambda = 0;
    std::optional<double> dropout;        // probability of dropping a hidden unit
    std::optional<long> earlyStopping;    // patience in epochs
};

struct NetworkScene {
    std::optional<std::vector<int>> sizes;
    std::optional<std::vector<Activation>> activations;
    std::optional<LabLoss> loss;
    std::optional<Initialization> init;
    std::optional<std::uint64_t> seed;
    std::optional<std::vector<bool>> batchNorm;  // the lab: BatchNorm on or off per hidden layer
};

// A place in the backprop stepper: the start, the end, a value count, or "after the group of
// this phase and layer" (e.g. the backward pass of layer 2).
struct StepperPlace {
    enum class Kind { Start, End, Count, After } kind = Kind::Start;
    long count = 0;
    StepPhase phase = StepPhase::Forward;
    int layer = 0;  // 0 = any layer (the loss has none)
};

struct StepperScene {
    std::optional<Granularity> granularity;
    std::optional<int> batch;
    std::optional<StepperPlace> position;
    std::optional<std::pair<int, int>> graphNeuron;  // layer (1…L), neuron (1-based)
    std::optional<long> graphSteps;
};

// What a scene can lock or hide, and what it can point at.
enum class Control {
    Play, Step, Reset, LearningRate, Speed, Sample, Backprop,
    StepperBar, Granularity, Batch,
    PerceptronTask, PerceptronEta, PerceptronStep, PerceptronEpoch, PerceptronRun,
    PerceptronReset, PerceptronWeights,
    FunctionChoice, FunctionProbe,
};
std::string_view name(Control control);
const std::vector<Control>& allControls();

struct Highlight {
    enum class Kind { Neuron, Layer, Control } kind = Kind::Neuron;
    int layer = 0;  // 0 = inputs … L = outputs
    int index = 0;  // neuron, 1-based
    Control control = Control::Play;
    Position position;
};

struct Scene {
    Position position;
    std::vector<std::string> keys;  // the top-level keys given, in file order
    std::optional<View> view;
    std::optional<NetworkScene> network;
    std::optional<DatasetKind> dataset;
    std::optional<long> samples;
    std::optional<double> noise;
    std::optional<double> testFraction;
    std::optional<double> threshold;  // the lab metrics' decision threshold
    std::optional<OptimizerKind> optimizer;
    std::optional<long> batchSize;
    std::optional<double> momentum;
    std::optional<double> learningRate;
    std::optional<LrSchedule> schedule;  // its eta is the scene's learning rate (or the lab's)
    std::optional<RegularizationScene> regularization;
    std::optional<long> epochs;  // train this many epochs when the scene is applied
    std::optional<int> speed;    // epochs per second while playing (one of the app's choices)
    std::optional<int> sample;   // 1-based
    std::optional<StepperScene> stepper;
    std::optional<PerceptronScene> perceptron;
    std::optional<FunctionsScene> functions;
    std::optional<ConvolutionScene> convolution;
    std::optional<CnnScene> cnn;
    std::optional<ResidualScene> residual;
    std::optional<SequenceScene> sequence;
    std::optional<FieldScene> workspace;    // view: embedding, gridworld, bandit, cartpole
    std::vector<Control> locked;
    std::vector<Control> hidden;
    std::vector<Highlight> highlight;

    bool has(std::string_view key) const;
};

const std::vector<std::string>& lossCurveNames();  // mse mae huber bce focal
const std::vector<int>& speedChoices();            // the main window's epochs/s choices (0 = fastest)
const std::vector<int>& labSpeedChoices();         // the training lab's
// The training lab's limits (its controls offer no more).
inline constexpr int kLabMinSamples = 10;
inline constexpr int kLabMaxSamples = 2000;
inline constexpr int kLabMaxHiddenLayers = 6;
inline constexpr int kLabMaxUnits = 16;

// ---- Checks ----

struct Range {
    std::optional<double> atLeast;
    std::optional<double> atMost;
    bool contains(double v) const {
        return (!atLeast || v >= *atLeast) && (!atMost || v <= *atMost);
    }
};

struct Condition {
    enum class Kind {
        LossBelow,                 // training loss L < value
        AccuracyAtLeast,           // training accuracy ≥ value (0…1)
        EpochAtLeast,              // epochs trained ≥ value
        LearningRate,              // η in range
        Sample,                    // the selected sample (1-based) = value
        Diverged,                  // training diverged (flag)
        BackpropMode,              // the stepper is open (flag)
        StepperReached,            // the stepper has computed `place`
        GraphWalked,               // the graph's backward walk is complete (flag)
        PerceptronCorrect,         // every point of the task classified right (flag)
        PerceptronUpdatesAtLeast,  // weight updates made by the rule ≥ value
        PerceptronEpochsAtLeast,   // passes over the data ≥ value
        PerceptronTask,            // the task is `gate`
        ProbeAt,                   // the function probe is in range
        // The training lab (view: lab), on its latest epoch.
        LabLossBelow,              // training loss < value
        TestLossBelow,             // test loss < value
        TestAccuracyAtLeast,       // test accuracy ≥ value
        LabEpochAtLeast,           // epochs trained ≥ value
        LabDiverged,               // training diverged (flag)
        Threshold,                 // the metrics panel's decision threshold in range
        // The convolution view.
        ConvolutionState,          // every field given in `convolution` equals the view's
        ConvolutionVisitedAll,     // the window has visited every output cell of the current grid
        // The CNN view.
        CnnLayer,                  // the feature maps shown are those of node `name`
        CnnStepAtLeast,            // training steps ≥ value
        CnnTestAccuracyAtLeast,    // the latest test accuracy ≥ value
        // The residual experiment.
        ResidualStepAtLeast,       // steps ≥ value
        // The sequences workspace.
        SequenceStepAtLeast,       // training steps ≥ value
        SequenceSelectedStep,      // the selected time step (1-based) = value
        SequenceRevealedAtLeast,   // BPTT: the gradient revealed at ≥ value steps
        SequenceWhScale,           // the W_h scale in range
        SequenceClip,              // clipping on (flag)
        SequenceCell,              // the cell drawn is `name`
        // A field of a workspace of field_workspaces.h: `workspace`, `field`; a choice or word
        // equals `name`, a flag equals `flag`, a number is in `range`.
        WorkspaceField,
    } kind = Kind::LossBelow;
    std::string key;
    Position position;
    double value = 0;
    bool flag = true;
    Range range;
    StepperPlace place;
    Gate gate = Gate::And;
    std::optional<ConvolutionScene> convolution;
    std::string name;
    std::string workspace, field;
};

// Whether a condition looks at the training lab (which must be open for it to hold).
bool isLabCondition(const Condition& condition);
// The view a condition looks at, when it needs one (the lab, the convolution, CNN or residual
// view); none for conditions of the main window.
std::optional<View> conditionView(const Condition& condition);

struct Check {
    Position position;
    std::vector<Condition> conditions;  // all must hold
    Text hint;
};

// ---- Quizzes ----

// When a quiz's explanation (and, for a wrong answer, the right answer) is shown: by default
// after a right answer, or after a wrong one on the student's "Show answer"; `after_correct`
// only after a right answer; `on_request` only on "Show answer", once the student has answered.
enum class Explain { Default, AfterCorrect, OnRequest };

struct Quiz {
    Position position;
    Text question;
    std::vector<Text> choices;   // empty for a numeric answer
    std::vector<int> answers;    // 0-based indices of the right choices
    std::optional<double> number;  // the numeric answer
    double tolerance = 0;
    Text explanation;
    Explain explain = Explain::Default;
    bool isNumeric() const { return number.has_value(); }
};

// Grading. A multiple-choice answer is right when exactly the right choices are selected. A
// numeric answer is right within the tolerance; the input may be a decimal (point or comma),
// a fraction a/b or a percentage. Invalid input is neither right nor wrong.
enum class Grade { Right, Wrong, Invalid };
Grade grade(const Quiz& quiz, const std::vector<int>& selected);
Grade grade(const Quiz& quiz, std::string_view input);
std::optional<double> parseNumberAnswer(std::string_view input);

// ---- Steps and lessons ----

struct Prose {
    std::string markdown;
    int firstLine = 0;  // the file line of the markdown's first line
};

struct Step {
    std::string id;
    Position position;
    Prose en;
    Prose zh;
    std::optional<Scene> scene;
    std::optional<Check> check;
    std::optional<Quiz> quiz;

    const Prose& prose(Language language) const { return language == Language::Chinese ? zh : en; }
    // The text of the prose's first heading, if it starts with one.
    std::string title(Language language) const;
};

struct Lesson {
    std::string path;
    std::string id;
    int chapter = 0;
    int order = 0;
    Text title;
    std::optional<Text> summary;
    int minutes = 0;
    std::vector<std::string> prerequisites;
    std::vector<Step> steps;
    // Where the front matter gives these (for messages about several lessons).
    Position idAt, chapterAt, orderAt;
    std::vector<Position> prerequisiteAt;

    int stepIndex(std::string_view stepId) const;  // -1 if none
    int quizCount() const;
};

// A chapter folder's chapter.yaml: its number and title.
struct Chapter {
    std::string path;
    int number = 0;
    Text title;
};

}  // namespace ns::lessons
