#include "stepper/worksheet.h"

#include <cstdio>
#include <sstream>

namespace ns {

namespace {

struct Words {
    const char* title;           // %s = "4-8-4-1"
    const char* inputs;          // "%d inputs"
    const char* lossLabel;
    const char* learningRate;
    const char* batch;           // %d samples
    const char* oneSample;
    const char* order;
    const char* given;
    const char* input;
    const char* inputRows;
    const char* target;
    const char* targetRows;
    const char* layer;           // "Layer %d"
    const char* exercise;
    const char* exerciseHint;
    const char* solution;
    const char* sample;          // "sample %d"
    const char* forward;         // "%d"
    const char* lossSection;
    const char* deltas;          // "%d" twice
    const char* gradients;       // "%d"
    const char* update;          // "%d"
    const char* separator;       // between clauses of the description
    const char* colon;
    const char* comma;
};

constexpr Words kEnglish{
    "Worksheet: one training step of a %s network",
    "%d inputs",
    "Loss",
    "Learning rate",
    "Batch: %d samples (gradients are batch means)",
    "Batch: 1 sample",
    "The steps follow the textbook: the forward pass (Algorithm 2), the loss, the backward pass "
    "(Algorithm 3, the chain rule), then gradient descent $W \\leftarrow W - \\eta \\, "
    "\\partial L / \\partial W$. Numbers are rounded to 4 significant digits; the CSV file holds "
    "every value at full precision.",
    "Given",
    "Input",
    "Inputs (one sample per row)",
    "Target",
    "Targets (one sample per row)",
    "Layer %d",
    "Exercise",
    "Compute each value in order and write it on the line.",
    "Solution",
    "sample %d",
    "Forward pass, layer %d",
    "Loss",
    "Backward pass: $\\delta^{(%d)}$ of layer %d",
    "Backward pass: gradients of layer %d",
    "Update of layer %d",
    ". ",
    ": ",
    ", ",
};

constexpr Words kChinese{
    "练习：%s 网络的一步训练",
    "%d 个输入",
    "损失函数",
    "学习率",
    "批量：%d 个样本（梯度取批量平均）",
    "批量：1 个样本",
    "步骤按教材顺序：前向传播（算法 2）、损失、反向传播（算法 3，链式法则），然后梯度下降 "
    "$W \\leftarrow W - \\eta \\, \\partial L / \\partial W$。数值保留 4 位有效数字；CSV "
    "文件给出全部数值的完整精度。",
    "已知",
    "输入",
    "输入（每行一个样本）",
    "目标",
    "目标（每行一个样本）",
    "第 %d 层",
    "练习",
    "按顺序计算每个值，把结果写在横线上。",
    "答案",
    "样本 %d",
    "前向传播，第 %d 层",
    "损失",
    "反向传播：第 %2$d 层的 $\\delta^{(%1$d)}$",
    "反向传播：第 %d 层的梯度",
    "参数更新，第 %d 层",
    "。",
    "：",
    "，",
};

template <typename... Args>
std::string format(const char* pattern, Args... args) {
    char buffer[512];
    std::snprintf(buffer, sizeof buffer, pattern, args...);
    return buffer;
}

const char* activationWord(Activation f) {
    switch (f) {
        case Activation::Identity: return "identity";
        case Activation::Sigmoid: return "sigmoid";
        case Activation::Tanh: return "tanh";
        case Activation::Relu: return "ReLU";
        case Activation::LeakyRelu: return "Leaky ReLU";
        case Activation::Elu: return "ELU";
        case Activation::Gelu: return "GELU";
        case Activation::Softmax: return "softmax";
    }
    return "?";
}

const char* lossWord(Loss loss, bool chinese) {
    switch (loss) {
        case Loss::Mse: return chinese ? "均方误差" : "mean squared error";
        case Loss::Mae: return chinese ? "平均绝对误差" : "mean absolute error";
        case Loss::Huber: return chinese ? "Huber 损失" : "Huber loss";
        case Loss::Bce: return chinese ? "二元交叉熵" : "binary cross-entropy";
        case Loss::Ce: return chinese ? "交叉熵" : "cross-entropy";
    }
    return "?";
}

std::string latexNumber(double v) { return formatNumber(v, Notation::Latex); }

template <typename Value>
std::string latexVector(Eigen::Index n, Value value) {
    std::string out = "(";
    for (Eigen::Index i = 0; i < n; ++i) {
        if (i) out += ",\\ ";
        out += latexNumber(value(i));
    }
    return out + ")";
}

std::string latexMatrix(const Matrix& m) {
    std::string out = "\\begin{pmatrix} ";
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        if (r) out += " \\\\ ";
        for (Eigen::Index c = 0; c < m.cols(); ++c) {
            if (c) out += " & ";
            out += latexNumber(m(r, c));
        }
    }
    return out + " \\end{pmatrix}";
}

std::string groupTitle(const StepGroup& g, const Words& w) {
    switch (g.quantity) {
        case Quantity::Z: return format(w.forward, g.layer);
        case Quantity::Loss: return w.lossSection;
        case Quantity::Delta: return format(w.deltas, g.layer, g.layer);
        case Quantity::WeightGrad: return format(w.gradients, g.layer);
        default: return format(w.update, g.layer);
    }
}

std::string phaseName(StepPhase p) {
    switch (p) {
        case StepPhase::Forward: return "forward";
        case StepPhase::Loss: return "loss";
        case StepPhase::Backward: return "backward";
        case StepPhase::Update: return "update";
    }
    return "?";
}

std::string quantityName(Quantity q) {
    switch (q) {
        case Quantity::Input: return "x";
        case Quantity::Target: return "y";
        case Quantity::Weight: return "W";
        case Quantity::Bias: return "b";
        case Quantity::LearningRate: return "eta";
        case Quantity::Z: return "z";
        case Quantity::A: return "a";
        case Quantity::Loss: return "L";
        case Quantity::Delta: return "delta";
        case Quantity::WeightGrad: return "dL/dW";
        case Quantity::BiasGrad: return "dL/db";
        case Quantity::NewWeight: return "W_new";
        case Quantity::NewBias: return "b_new";
    }
    return "?";
}

}  // namespace

std::string worksheetMarkdown(const BackpropSteps& steps, WorksheetLanguage language) {
    const bool chinese = language == WorksheetLanguage::SimplifiedChinese;
    const Words& w = chinese ? kChinese : kEnglish;
    const Mlp& net = steps.before();
    const int m = steps.batchSize();
    std::ostringstream out;

    std::string sizes;
    for (int s : net.sizes()) {
        if (!sizes.empty()) sizes += '-';
        sizes += std::to_string(s);
    }
    out << "# " << format(w.title, sizes.c_str()) << "\n\n";

    std::string architecture = format(w.inputs, net.inputs());
    for (const DenseLayer& layer : net.layers())
        architecture += " → " + std::to_string(layer.units()) + " " + activationWord(layer.activation);
    out << architecture << w.separator << w.lossLabel << w.colon << lossWord(steps.loss(), chinese)
        << w.separator << w.learningRate << " $\\eta = " << latexNumber(steps.eta()) << "$"
        << w.separator << (m == 1 ? std::string(w.oneSample) : format(w.batch, m))
        << (chinese ? "。" : ".") << "\n\n";
    out << w.order << "\n\n";

    out << "## " << w.given << "\n\n";
    const Trace& trace = steps.trace();
    if (m == 1) {
        out << "- " << w.input << w.colon << "$x = "
            << latexVector(trace.input.cols(), [&](Eigen::Index i) { return trace.input(0, i); })
            << "$\n";
        out << "- " << w.target << w.colon << "$y = "
            << latexVector(trace.target.cols(), [&](Eigen::Index i) { return trace.target(0, i); })
            << "$\n";
    } else {
        out << "- " << w.inputRows << w.colon << "$X = " << latexMatrix(trace.input) << "$\n";
        out << "- " << w.targetRows << w.colon << "$Y = " << latexMatrix(trace.target) << "$\n";
    }
    for (std::size_t l = 0; l < net.layers().size(); ++l) {
        const DenseLayer& layer = net.layer(l);
        const int number = static_cast<int>(l) + 1;
        out << "- " << format(w.layer, number) << w.colon << "$W^{(" << number
            << ")} = " << latexMatrix(layer.W) << "$" << w.comma << "$b^{(" << number << ")} = "
            << latexVector(layer.b.size(), [&](Eigen::Index i) { return layer.b(i); }) << "$\n";
    }
    out << "- " << w.learningRate << w.colon << "$\\eta = " << latexNumber(steps.eta()) << "$\n\n";

    const std::string blank = "\\_\\_\\_\\_\\_\\_\\_\\_";
    for (const bool solution : {false, true}) {
        out << "## " << (solution ? w.solution : w.exercise) << "\n\n";
        if (!solution) out << w.exerciseHint << "\n\n";
        for (const StepGroup& group : steps.groups()) {
            out << "### " << groupTitle(group, w) << "\n\n";
            for (std::size_t i = group.first; i < group.last; ++i) {
                const StepEvent& e = steps.events()[i];
                const std::string number = std::to_string(i + 1) + ". ";
                const std::string indent(number.size(), ' ');
                out << number << "$" << e.latex.symbolic;
                if (!solution) {
                    out << " =$ " << blank << "\n";
                    continue;
                }
                out << "$  \n";
                const auto& lines = e.latex.substituted;
                const bool labelSamples = m > 1 && e.id.quantity != Quantity::Loss;
                for (std::size_t s = 0; s < lines.size(); ++s) {
                    out << indent;
                    if (labelSamples) out << format(w.sample, static_cast<int>(s) + 1) << w.colon;
                    out << "$" << lines[s] << "$" << (s + 1 < lines.size() ? "  " : "") << "\n";
                }
            }
            out << "\n";
        }
    }
    std::string text = out.str();
    while (text.size() > 1 && text[text.size() - 2] == '\n') text.pop_back();  // one final newline
    return text;
}

std::string worksheetCsv(const BackpropSteps& steps) {
    std::ostringstream out;
    out << "step,phase,quantity,symbol,layer,unit,input,sample,value\n";
    auto row = [&](std::size_t step, const std::string& phase, const ValueId& id, int sample,
                   double value) {
        char number[40];
        std::snprintf(number, sizeof number, "%.17g", value == 0 ? 0.0 : value);
        const bool weight = id.quantity == Quantity::Weight || id.quantity == Quantity::WeightGrad ||
                            id.quantity == Quantity::NewWeight;
        const bool unit = id.quantity != Quantity::LearningRate && id.quantity != Quantity::Loss;
        const std::string name = asciiSymbol(id);
        const std::string quoted = name.find(',') == std::string::npos ? name : '"' + name + '"';
        out << step << ',' << phase << ',' << quantityName(id.quantity) << ',' << quoted
            << ',' << id.layer << ',' << (unit ? std::to_string(id.unit + 1) : "") << ','
            << (weight ? std::to_string(id.input + 1) : "") << ','
            << (sample >= 0 ? std::to_string(sample + 1) : "") << ',' << number << '\n';
    };
    const int m = steps.batchSize();
    const Mlp& net = steps.before();
    for (int s = 0; s < m; ++s)
        for (int k = 0; k < net.inputs(); ++k) {
            const ValueId id{Quantity::Input, 0, k, 0};
            row(0, "given", id, s, steps.valueOf(id, s));
        }
    for (int s = 0; s < m; ++s)
        for (int j = 0; j < net.outputs(); ++j) {
            const ValueId id{Quantity::Target, 0, j, 0};
            row(0, "given", id, s, steps.valueOf(id, s));
        }
    for (int l = 1; l <= steps.layerCount(); ++l) {
        const DenseLayer& layer = net.layer(static_cast<std::size_t>(l - 1));
        for (int j = 0; j < static_cast<int>(layer.units()); ++j)
            for (int k = 0; k < static_cast<int>(layer.fanIn()); ++k) {
                const ValueId id{Quantity::Weight, l, j, k};
                row(0, "given", id, -1, steps.valueOf(id));
            }
        for (int j = 0; j < static_cast<int>(layer.units()); ++j) {
            const ValueId id{Quantity::Bias, l, j, 0};
            row(0, "given", id, -1, steps.valueOf(id));
        }
    }
    row(0, "given", ValueId{Quantity::LearningRate, 0, 0, 0}, -1, steps.eta());
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const StepEvent& e = steps.events()[i];
        if (e.samples.empty()) {
            row(i + 1, phaseName(e.phase), e.id, -1, e.value);
            continue;
        }
        for (std::size_t s = 0; s < e.samples.size(); ++s)
            row(i + 1, phaseName(e.phase), e.id, static_cast<int>(s), e.samples[s]);
        if (e.id.quantity == Quantity::Loss && m > 1) row(i + 1, phaseName(e.phase), e.id, -1, e.value);
    }
    return out.str();
}

}  // namespace ns
