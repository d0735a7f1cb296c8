#include "cnn/residual_experiment.h"

#include "lab/lab_data.h"

namespace ns::cnn {

engine::DeepNetworkSpec residualNetworkSpec(const ResidualSpec& spec, ResidualVariant variant) {
    engine::DeepNetworkSpec d;
    d.features = 2;
    d.width = spec.width;
    d.classes = 2;
    d.blocks = spec.blocks;
    d.activation = spec.activation;
    d.residual = variant == ResidualVariant::Residual || variant == ResidualVariant::ResidualBatchNorm;
    d.batchNorm = variant == ResidualVariant::PlainBatchNorm || variant == ResidualVariant::ResidualBatchNorm;
    return d;
}

std::string variantKey(ResidualVariant variant) {
    switch (variant) {
        case ResidualVariant::Plain: return "plain";
        case ResidualVariant::PlainBatchNorm: return "plain_bn";
        case ResidualVariant::Residual: return "residual";
        case ResidualVariant::ResidualBatchNorm: return "residual_bn";
    }
    return "plain";
}

ResidualExperiment::ResidualExperiment(const ResidualSpec& spec) : spec_(spec) {
    DatasetSpec data;
    data.kind = DatasetKind::Spiral;
    data.samples = spec.samples;
    data.noise = spec.noise;
    data.testFraction = 0;
    data.seed = spec.seed;
    const LabData points = generateDataset(data);
    x_ = engine::Tensor({points.size(), 2});
    y_.resize(static_cast<std::size_t>(points.size()));
    for (Eigen::Index i = 0; i < points.size(); ++i) {
        x_.at({i, 0}) = points.points(i, 0) / kDomain;
        x_.at({i, 1}) = points.points(i, 1) / kDomain;
        y_[static_cast<std::size_t>(i)] = static_cast<int>(points.labels(i));
    }
    for (int v = 0; v < kResidualVariants; ++v) {
        ResidualRun& run = runs_[static_cast<std::size_t>(v)];
        run.variant = static_cast<ResidualVariant>(v);
        run.network = engine::deepNetwork(residualNetworkSpec(spec, run.variant));
        run.network.initialize(spec.seed);
        for (int node : engine::weightNodes(run.network))
            run.layerNames.push_back(run.network.node(static_cast<std::size_t>(node)).name);
        run.gradientNorms.assign(run.layerNames.size(), 0.0);
    }
}

void ResidualExperiment::step() {
    engine::RunContext context;
    context.mode = engine::Mode::Train;
    for (int v = 0; v < kResidualVariants; ++v) {
        ResidualRun& run = runs_[static_cast<std::size_t>(v)];
        if (!run.finite) continue;
        engine::NetworkTrace& trace = traces_[static_cast<std::size_t>(v)];
        const engine::StepResult r =
            engine::trainStep(run.network, trace, loss_, x_, y_, spec_.learningRate, context);
        run.finite = r.finite;
        run.loss = r.loss;
        run.accuracy = y_.empty() ? 0 : double(r.correct) / double(y_.size());
        if (r.finite) run.gradientNorms = engine::weightGradientNorms(run.network, trace);
    }
    ++steps_;
}

}  // namespace ns::cnn
