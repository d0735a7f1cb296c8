#include "lab/lab_trainer.h"

#include "lab/dropout.h"
#include "mlp/parameters.h"
#include "base/random.h"

#include <cmath>
#include <limits>
#include <numeric>

namespace ns {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Independent streams for shuffling and dropout, fixed by the seed and the epoch alone.
std::uint64_t streamSeed(std::uint64_t seed, long epoch, std::uint64_t stream) {
    Random mix(seed ^ (0x9E3779B97F4A7C15ull * (static_cast<std::uint64_t>(epoch) + 1)) ^
               (stream << 56));
    return mix.nextU64();
}

bool gradientsFinite(const Trace& trace) {
    for (const LayerTrace& t : trace.layers)
        if (!t.dW.allFinite() || !t.db.allFinite()) return false;
    return true;
}

}  // namespace

std::string checkSettings(const LabSettings& s) {
    if (std::string e = checkOptimizer(s.optimizer); !e.empty()) return e;
    if (std::string e = checkSchedule(s.schedule); !e.empty()) return e;
    if (!(s.dropout >= 0 && s.dropout <= kMaxDropout)) return "dropout p must be in [0, 0.9]";
    if (!(s.regularization.lambda >= 0) || !std::isfinite(s.regularization.lambda))
        return "lambda must be a non-negative number";
    if (!(s.loss.focalGamma >= 0) || !std::isfinite(s.loss.focalGamma))
        return "focal gamma must be a non-negative number";
    if (s.loss.focalAlpha > 1) return "focal alpha must be at most 1";
    if (s.patience < 0) return "patience must not be negative";
    if (s.epochBudget < 0) return "the epoch budget must not be negative";
    return {};
}

LabTrainer::LabTrainer(Mlp initial, Dataset train, Dataset test, LabSettings settings,
                       bool classification)
    : initial_(std::move(initial)), network_(initial_), train_(std::move(train)),
      test_(std::move(test)), settings_(settings), classification_(classification),
      optimizer_(settings.optimizer) {
    stopping_.patience = settings_.patience;
    batchNorm_ = LabBatchNorm::fresh(network_, settings_.batchNorm);
}

const Vector& LabTrainer::lastBatchMean(std::size_t layer) const {
    static const Vector none;
    return trace_.hasGradients && layer < trace_.layers.size() ? trace_.layers[layer].batchMean : none;
}

const Vector& LabTrainer::lastBatchVariance(std::size_t layer) const {
    static const Vector none;
    return trace_.hasGradients && layer < trace_.layers.size() ? trace_.layers[layer].batchVariance : none;
}

void LabTrainer::reset() {
    network_ = initial_;
    batchNorm_ = LabBatchNorm::fresh(network_, settings_.batchNorm);
    trace_.hasGradients = false;
    optimizer_.reset();
    stopping_ = EarlyStopping{settings_.patience};
    epoch_ = 0;
    status_ = LabStatus::Ready;
    reason_ = DivergenceReason::None;
}

void LabTrainer::setSettings(const LabSettings& settings) {
    // Switching BatchNorm on or off for a layer starts its γ, β and statistics afresh; the
    // optimizer state is cleared by its next step, as θ changes length.
    if (LabBatchNorm::fresh(network_, settings.batchNorm).enabled != batchNorm_.enabled)
        batchNorm_ = LabBatchNorm::fresh(network_, settings.batchNorm);
    optimizer_.setConfig(settings.optimizer);
    settings_ = settings;
    stopping_.patience = settings.patience;
    if (status_ == LabStatus::BudgetReached &&
        (settings.epochBudget == 0 || epoch_ < settings.epochBudget))
        status_ = LabStatus::Ready;
    if (status_ == LabStatus::EarlyStopped &&
        (settings.patience == 0 || stopping_.sinceBest < settings.patience))
        status_ = LabStatus::Ready;
}

LabTrainerState LabTrainer::state() const {
    LabTrainerState s{network_, optimizer_.state(), stopping_, epoch_, status_, reason_, divergedLearningRate_,
                      batchNorm_, {}, {}};
    for (std::size_t l = 0; l < batchNorm_.enabled.size(); ++l) {
        s.batchMeans.push_back(batchNorm_.enabled[l] ? lastBatchMean(l) : Vector());
        s.batchVariances.push_back(batchNorm_.enabled[l] ? lastBatchVariance(l) : Vector());
    }
    return s;
}

void LabTrainer::restore(const LabTrainerState& s) {
    network_ = s.network;
    optimizer_.setState(s.optimizer);
    stopping_ = s.stopping;
    stopping_.patience = settings_.patience;
    epoch_ = s.epoch;
    status_ = s.status;
    reason_ = s.reason;
    divergedLearningRate_ = s.divergedLearningRate;
    batchNorm_ = s.batchNorm.enabled.empty() ? LabBatchNorm::fresh(network_, settings_.batchNorm) : s.batchNorm;
}

void LabTrainer::diverge(DivergenceReason reason, double eta, const Mlp& before,
                         const OptimizerState& state) {
    network_ = before;
    optimizer_.setState(state);
    status_ = LabStatus::Diverged;
    reason_ = reason;
    divergedLearningRate_ = eta;
}

void LabTrainer::gather(const std::vector<Eigen::Index>& order, Eigen::Index from, Eigen::Index count) {
    batchX_.resize(count, train_.X.cols());
    batchY_.resize(count, train_.Y.cols());
    for (Eigen::Index i = 0; i < count; ++i) {
        const Eigen::Index r = order[static_cast<std::size_t>(from + i)];
        batchX_.row(i) = train_.X.row(r);
        batchY_.row(i) = train_.Y.row(r);
    }
}

LabEpoch LabTrainer::step() {
    LabEpoch stats;
    stats.epoch = epoch_;
    if (status_ != LabStatus::Ready || train_.size() == 0) return stats;

    const double eta = settings_.schedule.at(epoch_);
    stats.learningRate = eta;
    const Eigen::Index n = train_.size();
    const Eigen::Index batch = samplesPerUpdate(settings_.optimizer, n);
    std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), Eigen::Index{0});
    if (batch < n) {  // Fisher–Yates, from this epoch's stream
        Random shuffle(streamSeed(settings_.seed, epoch_, 1));
        for (std::size_t i = order.size() - 1; i > 0; --i)
            std::swap(order[i], order[shuffle.nextU64() % (i + 1)]);
    }
    Random masks(streamSeed(settings_.seed, epoch_, 2));
    const Mlp before = network_;
    const LabBatchNorm batchNormBefore = batchNorm_;
    const OptimizerState stateBefore = optimizer_.state();
    const bool normalising = batchNorm_.any();
    auto fail = [&](DivergenceReason reason) {
        diverge(reason, eta, before, stateBefore);
        batchNorm_ = batchNormBefore;
        return stats;
    };
    const std::size_t hidden = network_.layers().size() - 1;

    for (Eigen::Index from = 0; from < n; from += batch) {
        const Eigen::Index count = std::min(batch, n - from);
        const bool whole = count == n;
        if (!whole) gather(order, from, count);
        const ConstMatrixRef X = whole ? ConstMatrixRef(train_.X) : ConstMatrixRef(batchX_);
        const ConstMatrixRef Y = whole ? ConstMatrixRef(train_.Y) : ConstMatrixRef(batchY_);
        dropout_.masks.resize(settings_.dropout > 0 ? hidden : 0);
        for (std::size_t l = 0; l < dropout_.masks.size(); ++l)
            dropoutMask(count, network_.layer(l).units(), settings_.dropout, masks, dropout_.masks[l]);

        labForwardBackward(network_, X, Y, settings_.loss, dropout_, trace_, normalising ? &batchNorm_ : nullptr,
                           &batchNormGradients_);
        if (!std::isfinite(trace_.loss)) return fail(DivergenceReason::NonFiniteLoss);
        if (!gradientsFinite(trace_)) return fail(DivergenceReason::NonFiniteGradient);
        addPenaltyGradient(settings_.regularization, network_, trace_);
        // θ = (W, b of every layer, then γ and β of every normalised layer), one optimizer step.
        Vector theta = flattenParameters(network_);
        Vector gradient = flattenGradients(trace_);
        const Eigen::Index base = theta.size();
        if (normalising) {
            const auto extra = static_cast<Eigen::Index>(batchNorm_.parameterCount());
            theta.conservativeResize(base + extra);
            gradient.conservativeResize(base + extra);
            Eigen::Index at = base;
            for (std::size_t l = 0; l < batchNorm_.enabled.size(); ++l) {
                if (!batchNorm_.enabled[l]) continue;
                const Eigen::Index units = batchNorm_.gamma[l].size();
                theta.segment(at, units) = batchNorm_.gamma[l];
                gradient.segment(at, units) = batchNormGradients_.gamma[l];
                theta.segment(at + units, units) = batchNorm_.beta[l];
                gradient.segment(at + units, units) = batchNormGradients_.beta[l];
                at += 2 * units;
            }
            if (!gradient.allFinite()) return fail(DivergenceReason::NonFiniteGradient);
        }
        optimizer_.step(theta, gradient, eta);
        if (!theta.allFinite() || theta.cwiseAbs().maxCoeff() > kExplodedWeight)
            return fail(DivergenceReason::WeightsExploded);
        if (normalising) {
            Eigen::Index at = base;
            for (std::size_t l = 0; l < batchNorm_.enabled.size(); ++l) {
                if (!batchNorm_.enabled[l]) continue;
                const Eigen::Index units = batchNorm_.gamma[l].size();
                batchNorm_.gamma[l] = theta.segment(at, units);
                batchNorm_.beta[l] = theta.segment(at + units, units);
                at += 2 * units;
            }
            theta.conservativeResize(base);
        }
        unflattenParameters(theta, network_);
    }

    const Mlp tested = normalising ? foldBatchNorm(network_, batchNorm_) : Mlp();
    const Mlp& evaluated = normalising ? tested : network_;
    const Evaluation train = evaluate(evaluated, train_.X, train_.Y, settings_.loss, evalTrace_);
    if (!std::isfinite(train.loss)) return fail(DivergenceReason::NonFiniteLoss);
    stats.epoch = ++epoch_;
    stats.trainLoss = train.loss;
    stats.trainAccuracy = classification_ ? train.accuracy : kNaN;
    if (test_.size() > 0) {
        const Evaluation test = evaluate(evaluated, test_.X, test_.Y, settings_.loss, evalTrace_);
        stats.testLoss = test.loss;
        stats.testAccuracy = classification_ ? test.accuracy : kNaN;
        if (stopping_.observe(epoch_, test.loss)) status_ = LabStatus::EarlyStopped;
    } else {
        stats.testLoss = stats.testAccuracy = kNaN;
    }
    stats.penalty = penalty(settings_.regularization, network_);
    if (status_ == LabStatus::Ready && settings_.epochBudget > 0 && epoch_ >= settings_.epochBudget)
        status_ = LabStatus::BudgetReached;
    return stats;
}

std::string_view name(LabStatus status) {
    switch (status) {
        case LabStatus::Ready: return "ready";
        case LabStatus::Diverged: return "diverged";
        case LabStatus::EarlyStopped: return "early_stopped";
        case LabStatus::BudgetReached: return "budget_reached";
    }
    return "?";
}

std::optional<LabStatus> parseLabStatus(std::string_view text) {
    for (LabStatus s : {LabStatus::Ready, LabStatus::Diverged, LabStatus::EarlyStopped,
                        LabStatus::BudgetReached})
        if (name(s) == text) return s;
    return std::nullopt;
}

}  // namespace ns
