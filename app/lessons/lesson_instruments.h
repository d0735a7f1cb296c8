#pragma once
// The state of the lessons' own views, owned here as SessionModel owns the network: the
// perceptron (logic gate, learning rule, hand-set weights, hidden layer) and the function plot
// (which functions, derivatives, the probe). Scenes set them up; the views ask for changes
// through these intents; changed() tells views and checks to look again.
#include "lessons/function_curves.h"
#include "lessons/function_plot_view.h"
#include "lessons/perceptron.h"
#include "lessons/perceptron_view.h"

#include <QObject>

#include <optional>
#include <string>
#include <vector>

namespace ns {

class PerceptronModel : public QObject {
    Q_OBJECT
public:
    static constexpr int kRunLimit = 100;  // epochs "Run" tries before giving up (XOR)

    explicit PerceptronModel(QObject* parent = nullptr);

    // A scene starts the perceptron afresh: keys it leaves out take their defaults (AND, learn,
    // η = 1, w = 0, b = 0; for the hidden layer OR and NAND feeding AND).
    void start(const lessons::PerceptronScene& scene);

    // Intents.
    void setTask(lessons::Gate gate);  // keeps mode and η, restarts from the scene's weights
    void setEta(double eta);
    void step();
    void epoch();
    void run();
    void restart();  // back to the starting weights of the current task
    void setWeights(const std::vector<double>& weights, double bias);
    void setHidden(const lessons::HiddenNetwork& network);

    lessons::Gate task() const { return perceptron_.data().gate; }
    lessons::PerceptronMode mode() const { return mode_; }
    const lessons::Perceptron& perceptron() const { return perceptron_; }
    const lessons::HiddenNetwork& hidden() const { return hidden_; }
    bool correct() const;  // every point of the task classified right
    long updates() const { return perceptron_.updates(); }
    long epochs() const { return perceptron_.epochs(); }
    PerceptronView::State viewState() const;

signals:
    void changed();

private:
    lessons::PerceptronScene scene_;
    lessons::PerceptronMode mode_ = lessons::PerceptronMode::Learn;
    lessons::Perceptron perceptron_;
    lessons::HiddenNetwork hidden_;
    std::optional<lessons::PerceptronUpdate> last_;
    bool gaveUp_ = false;
};

class FunctionModel : public QObject {
    Q_OBJECT
public:
    explicit FunctionModel(QObject* parent = nullptr);

    void start(const lessons::FunctionsScene& scene);

    // Intents.
    void setProbe(double x);
    void setShown(const std::string& function, bool shown);
    void setDerivative(bool shown);

    double probe() const { return probe_; }
    bool derivative() const { return derivative_; }
    const lessons::FunctionsScene& scene() const { return scene_; }
    const lessons::FunctionPlot& plot() const { return plot_; }
    // Every function of the plot's family (activations, or losses), for the view's choices.
    std::vector<std::string> offered() const;
    std::vector<FunctionPlotView::Readout> readout() const;

signals:
    void changed();

private:
    void recompute();

    lessons::FunctionsScene scene_;
    lessons::FunctionPlot plot_;
    bool derivative_ = false;
    double probe_ = 0;
};

}  // namespace ns
