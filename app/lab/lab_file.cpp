// Saving and loading the whole lab as one JSON file (LabModel::save / load). Written atomically
// through QSaveFile; read completely and checked field by field before anything is applied, so a
// malformed file is refused with a message naming the field and the current lab stays as it was.
// Numbers are written in the shortest form that reads back to the same double, so a loaded lab
// is bit for bit the saved one; seeds (64-bit) are written as decimal strings, and the NaN of an
// empty test split or of regression accuracy as null.
#include "lab/lab_model.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>
#include <limits>

namespace ns {

namespace {

constexpr int kFormatVersion = 1;
const QString kFormat = QStringLiteral("neuralscope-lab");

struct LoadError {
    QString where;  // the field, e.g. "data.points[3]"
    QString what;
};

[[noreturn]] void fail(const QString& where, const QString& what) { throw LoadError{where, what}; }

// ---- writing

QJsonValue number(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null); }
QString seedText(std::uint64_t seed) { return QString::number(static_cast<qulonglong>(seed)); }
QString text(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

QJsonArray vectorJson(const Vector& v) {
    QJsonArray a;
    for (double x : v) a.append(number(x));
    return a;
}

QJsonArray matrixJson(const Matrix& m) {
    QJsonArray rows;
    for (Eigen::Index r = 0; r < m.rows(); ++r) rows.append(vectorJson(m.row(r).transpose()));
    return rows;
}

QJsonObject configJson(const LabConfig& c) {
    QJsonObject dataset{{"kind", text(name(c.dataset.kind))},
                        {"samples", c.dataset.samples},
                        {"noise", c.dataset.noise},
                        {"testFraction", c.dataset.testFraction},
                        {"seed", seedText(c.dataset.seed)}};
    QJsonArray features, hidden, activations;
    for (Feature f : allFeatures())
        if (has(c.features, f)) features.append(text(name(f)));
    for (int units : c.hidden) hidden.append(units);
    for (Activation f : c.activations) activations.append(text(name(f)));
    const LabSettings& t = c.training;
    QJsonObject training{
        {"loss", text(name(t.loss.kind))},
        {"focalGamma", t.loss.focalGamma},
        {"focalAlpha", t.loss.focalAlpha},
        {"optimizer", text(name(t.optimizer.kind))},
        {"batchSize", t.optimizer.batchSize},
        {"beta", t.optimizer.beta},
        {"momentumForm", t.optimizer.momentumForm == MomentumForm::Average ? "average" : "velocity"},
        {"beta1", t.optimizer.beta1},
        {"beta2", t.optimizer.beta2},
        {"epsilon", t.optimizer.epsilon},
        {"schedule", text(name(t.schedule.kind))},
        {"eta", t.schedule.eta},
        {"etaMin", t.schedule.etaMin},
        {"decay", t.schedule.decay},
        {"stepEpochs", static_cast<double>(t.schedule.stepEpochs)},
        {"periodEpochs", static_cast<double>(t.schedule.periodEpochs)},
        {"warmupEpochs", static_cast<double>(t.schedule.warmupEpochs)},
        {"penalty", text(name(t.regularization.kind))},
        {"lambda", t.regularization.lambda},
        {"dropout", t.dropout},
        {"patience", t.patience},
        {"epochBudget", static_cast<double>(t.epochBudget)},
        {"seed", seedText(t.seed)},
    };
    QJsonArray batchNorm;
    for (bool on : t.batchNorm) batchNorm.append(on);
    training.insert(QStringLiteral("batchNorm"), batchNorm);
    return {{"dataset", dataset}, {"features", features}, {"hidden", hidden},
            {"activations", activations}, {"initSeed", seedText(c.initSeed)}, {"training", training}};
}

// γ, β and the running averages per hidden layer (empty lists where BatchNorm is off).
QJsonObject batchNormJson(const LabBatchNorm& bn) {
    QJsonArray gamma, beta, mean, var;
    for (std::size_t l = 0; l < bn.gamma.size(); ++l) {
        gamma.append(vectorJson(bn.gamma[l]));
        beta.append(vectorJson(bn.beta[l]));
        mean.append(vectorJson(bn.runningMean[l]));
        var.append(vectorJson(bn.runningVar[l]));
    }
    return {{"gamma", gamma}, {"beta", beta}, {"runningMean", mean}, {"runningVar", var}};
}

QJsonObject networkJson(const Mlp& net) {
    QJsonArray sizes, activations, weights, biases;
    for (int s : net.sizes()) sizes.append(s);
    for (const DenseLayer& layer : net.layers()) {
        activations.append(text(name(layer.activation)));
        weights.append(matrixJson(layer.W));
        biases.append(vectorJson(layer.b));
    }
    return {{"sizes", sizes}, {"activations", activations}, {"W", weights}, {"b", biases}};
}

QJsonArray historyJson(const std::vector<LabEpoch>& history) {
    QJsonArray rows;
    for (const LabEpoch& e : history)
        rows.append(QJsonArray{static_cast<double>(e.epoch), number(e.trainLoss), number(e.testLoss),
                               number(e.trainAccuracy), number(e.testAccuracy), number(e.learningRate),
                               number(e.penalty)});
    return rows;
}

std::string_view reasonName(DivergenceReason r) {
    switch (r) {
        case DivergenceReason::None: return "none";
        case DivergenceReason::NonFiniteLoss: return "loss";
        case DivergenceReason::NonFiniteGradient: return "gradient";
        case DivergenceReason::WeightsExploded: return "weights";
    }
    return "none";
}

// ---- reading: every accessor names the field it was reading when it fails

QJsonObject object(const QJsonValue& v, const QString& where) {
    if (!v.isObject()) fail(where, QCoreApplication::translate("LabFile", "expected an object"));
    return v.toObject();
}

QJsonValue field(const QJsonObject& o, const char* key, const QString& where) {
    const QString path = where.isEmpty() ? QString::fromLatin1(key) : where + QLatin1Char('.') + QLatin1String(key);
    if (!o.contains(QLatin1String(key))) fail(path, QCoreApplication::translate("LabFile", "missing"));
    return o.value(QLatin1String(key));
}

QString path(const QString& where, const char* key) {
    return where.isEmpty() ? QString::fromLatin1(key) : where + QLatin1Char('.') + QLatin1String(key);
}

QString indexed(const QString& where, qsizetype i) { return QStringLiteral("%1[%2]").arg(where).arg(i); }

double real(const QJsonValue& v, const QString& where, bool nanAllowed = false) {
    if (nanAllowed && v.isNull()) return std::numeric_limits<double>::quiet_NaN();
    if (!v.isDouble()) fail(where, QCoreApplication::translate("LabFile", "expected a number"));
    return v.toDouble();
}

double realIn(const QJsonValue& v, const QString& where, double low, double high) {
    const double x = real(v, where);
    if (!(x >= low && x <= high)) fail(where, QCoreApplication::translate("LabFile", "expected a number from %1 to %2").arg(low).arg(high));
    return x;
}

long long whole(const QJsonValue& v, const QString& where, long long low, long long high) {
    const double x = real(v, where);
    if (std::floor(x) != x || x < static_cast<double>(low) || x > static_cast<double>(high))
        fail(where, QCoreApplication::translate("LabFile", "expected a whole number from %1 to %2").arg(low).arg(high));
    return static_cast<long long>(x);
}

std::uint64_t seed(const QJsonValue& v, const QString& where) {
    bool ok = false;
    const qulonglong s = v.toString().toULongLong(&ok);
    if (!v.isString() || !ok) fail(where, QCoreApplication::translate("LabFile", "expected a seed (a whole number as text)"));
    return s;
}

QJsonArray array(const QJsonValue& v, const QString& where, qsizetype size = -1) {
    if (!v.isArray()) fail(where, QCoreApplication::translate("LabFile", "expected a list"));
    const QJsonArray a = v.toArray();
    if (size >= 0 && a.size() != size) fail(where, QCoreApplication::translate("LabFile", "expected a list of %1, found %2").arg(size).arg(a.size()));
    return a;
}

template <typename Parse>
auto named(const QJsonValue& v, const QString& where, Parse parse) {
    if (!v.isString()) fail(where, QCoreApplication::translate("LabFile", "expected a name"));
    const QByteArray utf8 = v.toString().toUtf8();
    const auto parsed = parse(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
    if (!parsed) fail(where, QCoreApplication::translate("LabFile", "unknown name “%1”").arg(v.toString()));
    return *parsed;
}

Vector vectorOf(const QJsonValue& v, const QString& where, qsizetype size, bool nanAllowed = false) {
    const QJsonArray a = array(v, where, size);
    Vector out(a.size());
    for (qsizetype i = 0; i < a.size(); ++i) out(i) = real(a[i], indexed(where, i), nanAllowed);
    return out;
}

Matrix matrixOf(const QJsonValue& v, const QString& where, qsizetype rows, qsizetype cols) {
    const QJsonArray a = array(v, where, rows);
    Matrix m(rows, cols);
    for (qsizetype r = 0; r < rows; ++r) m.row(r) = vectorOf(a[r], indexed(where, r), cols).transpose();
    if (!m.allFinite()) fail(where, QCoreApplication::translate("LabFile", "every weight must be a finite number"));
    return m;
}

LabConfig configOf(const QJsonValue& value, const QString& where) {
    const QJsonObject o = object(value, where);
    LabConfig c;
    const QString d = path(where, "dataset");
    const QJsonObject ds = object(field(o, "dataset", where), d);
    c.dataset.kind = named(field(ds, "kind", d), path(d, "kind"), parseDataset);
    c.dataset.samples = static_cast<int>(whole(field(ds, "samples", d), path(d, "samples"), 2, kMaxSamples));
    c.dataset.noise = realIn(field(ds, "noise", d), path(d, "noise"), 0, 0.5);
    c.dataset.testFraction = realIn(field(ds, "testFraction", d), path(d, "testFraction"), 0, 0.9);
    c.dataset.seed = seed(field(ds, "seed", d), path(d, "seed"));
    const QString f = path(where, "features");
    c.features = 0;
    const QJsonArray features = array(field(o, "features", where), f);
    for (qsizetype i = 0; i < features.size(); ++i) c.features |= bit(named(features[i], indexed(f, i), parseFeature));
    const QString h = path(where, "hidden");
    const QJsonArray hidden = array(field(o, "hidden", where), h);
    if (hidden.size() > LabModel::kMaxHiddenLayers) fail(h, QCoreApplication::translate("LabFile", "at most %1 hidden layers").arg(LabModel::kMaxHiddenLayers));
    c.hidden.clear();
    for (qsizetype i = 0; i < hidden.size(); ++i)
        c.hidden.push_back(static_cast<int>(whole(hidden[i], indexed(h, i), 1, LabModel::kMaxUnits)));
    const QString a = path(where, "activations");
    const QJsonArray activations = array(field(o, "activations", where), a, hidden.size());
    c.activations.clear();
    for (qsizetype i = 0; i < activations.size(); ++i) c.activations.push_back(named(activations[i], indexed(a, i), parseActivation));
    c.initSeed = seed(field(o, "initSeed", where), path(where, "initSeed"));
    const QString t = path(where, "training");
    const QJsonObject tj = object(field(o, "training", where), t);
    auto get = [&](const char* key) { return field(tj, key, t); };
    auto at = [&](const char* key) { return path(t, key); };
    LabSettings& s = c.training;
    s.loss.kind = named(get("loss"), at("loss"), parseLabLoss);
    s.loss.focalGamma = realIn(get("focalGamma"), at("focalGamma"), 0, 10);
    s.loss.focalAlpha = realIn(get("focalAlpha"), at("focalAlpha"), -1, 1);
    s.optimizer.kind = named(get("optimizer"), at("optimizer"), parseOptimizer);
    s.optimizer.batchSize = static_cast<int>(whole(get("batchSize"), at("batchSize"), 1, kMaxSamples));
    s.optimizer.beta = realIn(get("beta"), at("beta"), 0, 0.999999);
    const QString form = get("momentumForm").toString();
    if (form != QLatin1String("average") && form != QLatin1String("velocity"))
        fail(at("momentumForm"), QCoreApplication::translate("LabFile", "expected “average” or “velocity”"));
    s.optimizer.momentumForm = form == QLatin1String("average") ? MomentumForm::Average : MomentumForm::Velocity;
    s.optimizer.beta1 = realIn(get("beta1"), at("beta1"), 0, 0.999999);
    s.optimizer.beta2 = realIn(get("beta2"), at("beta2"), 0, 0.999999);
    s.optimizer.epsilon = realIn(get("epsilon"), at("epsilon"), 1e-300, 1);
    s.schedule.kind = named(get("schedule"), at("schedule"), parseSchedule);
    s.schedule.eta = realIn(get("eta"), at("eta"), 1e-12, 1e6);
    s.schedule.etaMin = realIn(get("etaMin"), at("etaMin"), 0, 1e6);
    s.schedule.decay = realIn(get("decay"), at("decay"), 1e-12, 1);
    s.schedule.stepEpochs = static_cast<long>(whole(get("stepEpochs"), at("stepEpochs"), 1, 10000000));
    s.schedule.periodEpochs = static_cast<long>(whole(get("periodEpochs"), at("periodEpochs"), 1, 10000000));
    s.schedule.warmupEpochs = static_cast<long>(whole(get("warmupEpochs"), at("warmupEpochs"), 0, 10000000));
    s.regularization.kind = named(get("penalty"), at("penalty"), parsePenalty);
    s.regularization.lambda = realIn(get("lambda"), at("lambda"), 0, 1e6);
    s.dropout = realIn(get("dropout"), at("dropout"), 0, kMaxDropout);
    s.patience = static_cast<int>(whole(get("patience"), at("patience"), 0, 10000000));
    s.epochBudget = static_cast<long>(whole(get("epochBudget"), at("epochBudget"), 0, 10000000));
    s.seed = seed(get("seed"), at("seed"));
    s.batchNorm.clear();
    if (tj.contains(QLatin1String("batchNorm"))) {  // files from before BatchNorm joined the lab have none
        const QJsonArray bn = array(get("batchNorm"), at("batchNorm"));
        if (bn.size() > hidden.size())
            fail(at("batchNorm"), QCoreApplication::translate("LabFile", "expected at most one switch per hidden layer (%1)").arg(hidden.size()));
        for (qsizetype i = 0; i < bn.size(); ++i) {
            if (!bn[i].isBool()) fail(indexed(at("batchNorm"), i), QCoreApplication::translate("LabFile", "expected true or false"));
            s.batchNorm.push_back(bn[i].toBool());
        }
    }
    if (const QString problem = LabModel::checkConfig(c); !problem.isEmpty()) fail(where, problem);
    return c;
}

LabData dataOf(const QJsonValue& value, const QString& where) {
    const QJsonObject o = object(value, where);
    LabData d;
    d.task = named(field(o, "task", where), path(where, "task"), parseTask);
    d.classes = static_cast<int>(whole(field(o, "classes", where), path(where, "classes"), 0, kMaxClasses));
    const bool fits = d.task == TaskKind::Regression ? d.classes == 0
                      : d.task == TaskKind::Binary   ? d.classes == 2
                                                     : d.classes >= 3;
    if (!fits) fail(path(where, "classes"), QCoreApplication::translate("LabFile", "does not fit the task"));
    const QString cv = path(where, "classValues");
    const QJsonArray values = array(field(o, "classValues", where), cv);
    if (!values.isEmpty() && values.size() != d.classes) fail(cv, QCoreApplication::translate("LabFile", "expected one value per class"));
    for (qsizetype i = 0; i < values.size(); ++i) d.classValues.push_back(real(values[i], indexed(cv, i)));
    const QString p = path(where, "points");
    const QJsonArray points = array(field(o, "points", where), p);
    if (points.size() < 2 || points.size() > kMaxSamples)
        fail(p, QCoreApplication::translate("LabFile", "expected 2 to %1 points, found %2").arg(kMaxSamples).arg(points.size()));
    const qsizetype dimension = array(points[0], indexed(p, 0)).size();
    if (dimension < 1 || dimension > kMaxDimension) fail(indexed(p, 0), QCoreApplication::translate("LabFile", "expected 1 to %1 coordinates").arg(kMaxDimension));
    d.points = matrixOf(field(o, "points", where), p, points.size(), dimension);
    const QString l = path(where, "labels");
    d.labels = vectorOf(field(o, "labels", where), l, points.size());
    for (qsizetype i = 0; i < d.labels.size(); ++i) {
        const double y = d.labels(i);
        if (!std::isfinite(y) ||
            (d.task != TaskKind::Regression && (std::floor(y) != y || y < 0 || y >= d.classes)))
            fail(indexed(l, i), d.task == TaskKind::Regression ? QCoreApplication::translate("LabFile", "expected a finite number")
                                                               : QCoreApplication::translate("LabFile", "expected a class from 0 to %1").arg(d.classes - 1));
    }
    const QString t = path(where, "test");
    const QJsonArray test = array(field(o, "test", where), t, points.size());
    for (qsizetype i = 0; i < test.size(); ++i)
        d.isTest.push_back(static_cast<std::uint8_t>(whole(test[i], indexed(t, i), 0, 1)));
    return d;
}

Mlp networkOf(const QJsonValue& value, const QString& where, const std::vector<int>& sizes,
              const std::vector<Activation>& activations) {
    const QJsonObject o = object(value, where);
    const QString s = path(where, "sizes");
    const QJsonArray sizeList = array(field(o, "sizes", where), s, static_cast<qsizetype>(sizes.size()));
    for (qsizetype i = 0; i < sizeList.size(); ++i)
        if (whole(sizeList[i], indexed(s, i), 1, 4096) != sizes[static_cast<std::size_t>(i)])
            fail(s, QCoreApplication::translate("LabFile", "the layer sizes do not match the data, features and architecture"));
    const QString a = path(where, "activations");
    const QJsonArray acts = array(field(o, "activations", where), a, static_cast<qsizetype>(activations.size()));
    for (qsizetype i = 0; i < acts.size(); ++i)
        if (named(acts[i], indexed(a, i), parseActivation) != activations[static_cast<std::size_t>(i)])
            fail(indexed(a, i), QCoreApplication::translate("LabFile", "does not match the architecture"));
    Mlp net(sizes, activations);
    const QString w = path(where, "W"), b = path(where, "b");
    const QJsonArray weights = array(field(o, "W", where), w, static_cast<qsizetype>(activations.size()));
    const QJsonArray biases = array(field(o, "b", where), b, static_cast<qsizetype>(activations.size()));
    for (std::size_t l = 0; l < activations.size(); ++l) {
        const auto li = static_cast<qsizetype>(l);
        net.layer(l).W = matrixOf(weights[li], indexed(w, li), sizes[l + 1], sizes[l]);
        net.layer(l).b = vectorOf(biases[li], indexed(b, li), sizes[l + 1]);
        if (!net.layer(l).b.allFinite()) fail(indexed(b, li), QCoreApplication::translate("LabFile", "every bias must be a finite number"));
    }
    return net;
}

std::vector<LabEpoch> historyOf(const QJsonValue& value, const QString& where) {
    const QJsonArray rows = array(value, where);
    std::vector<LabEpoch> history;
    history.reserve(static_cast<std::size_t>(rows.size()));
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const Vector v = vectorOf(rows[i], indexed(where, i), 7, true);
        if (!std::isfinite(v(0)) || v(0) < 0) fail(indexed(where, i), QCoreApplication::translate("LabFile", "expected an epoch number first"));
        history.push_back({static_cast<long>(v(0)), v(1), v(2), v(3), v(4), v(5), v(6)});
    }
    return history;
}

}  // namespace

bool LabModel::save(const QString& file, QString* error) const {
    const Saved s = snapshot();
    QJsonObject stopping{{"best", number(s.state.stopping.best)},
                         {"bestEpoch", static_cast<double>(s.state.stopping.bestEpoch)},
                         {"sinceBest", s.state.stopping.sinceBest},
                         {"seen", s.state.stopping.seen}};
    QJsonObject optimizer{{"t", static_cast<double>(s.state.optimizer.t)},
                          {"m", vectorJson(s.state.optimizer.m)},
                          {"v", vectorJson(s.state.optimizer.v)}};
    QJsonArray points, test;
    for (Eigen::Index r = 0; r < s.data.size(); ++r) points.append(vectorJson(s.data.points.row(r).transpose()));
    for (std::uint8_t t : s.data.isTest) test.append(int(t));
    QJsonArray classValues;
    for (double v : s.data.classValues) classValues.append(v);
    QJsonObject data{{"task", text(name(s.data.task))}, {"classes", s.data.classes},
                     {"classValues", classValues}, {"points", points},
                     {"labels", vectorJson(s.data.labels)}, {"test", test}};
    QJsonArray runs;
    for (const LabRun& run : s.runs)
        runs.append(QJsonObject{{"number", run.number}, {"config", configJson(run.config)},
                                {"history", historyJson(run.history)}});
    const QJsonObject root{
        {"format", kFormat},
        {"version", kFormatVersion},
        {"config", configJson(s.config)},
        {"data", data},
        {"initialWeights", networkJson(s.initial)},
        {"weights", networkJson(s.state.network)},
        {"batchNorm", batchNormJson(s.state.batchNorm)},
        {"optimizer", optimizer},
        {"stopping", stopping},
        {"epoch", static_cast<double>(s.state.epoch)},
        {"status", text(name(s.state.status))},
        {"divergence", QJsonObject{{"reason", text(reasonName(s.state.reason))},
                                   {"learningRate", number(s.state.divergedLearningRate)}}},
        {"history", historyJson(s.history)},
        {"runs", runs},
        {"nextRun", s.nextRun},
        {"threshold", s.threshold},
    };
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly)) {
        if (error) *error = tr("%1: cannot be written (%2)").arg(file, out.errorString());
        return false;
    }
    out.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!out.commit()) {
        if (error) *error = tr("%1: cannot be written (%2)").arg(file, out.errorString());
        return false;
    }
    return true;
}

bool LabModel::load(const QString& file, QString* error) {
    const QString shown = QFileInfo(file).fileName();
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        if (error) *error = tr("%1: cannot be read (%2)").arg(shown, in.errorString());
        return false;
    }
    // The size before reading: a huge file is refused without being read into memory.
    if (in.size() > kMaxSaveFileBytes) {
        if (error) *error = tr("%1: the file has %2 bytes, more than the limit of %3 bytes").arg(shown).arg(in.size()).arg(kMaxSaveFileBytes);
        return false;
    }
    Saved s;
    // At most one byte past the limit, for files whose size is not known in advance (pipes).
    if (!readSaved(in.read(kMaxSaveFileBytes + 1), shown, &s, error)) return false;
    restore(std::move(s));
    return true;
}

bool LabModel::readSaved(const QByteArray& bytes, const QString& shown, Saved* saved, QString* error) {
    if (bytes.size() > kMaxSaveFileBytes) {
        if (error) *error = tr("%1: the file has %2 bytes, more than the limit of %3 bytes").arg(shown).arg(bytes.size()).arg(kMaxSaveFileBytes);
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (document.isNull()) {
        if (error) *error = tr("%1: not JSON (%2 at byte %3)").arg(shown, parseError.errorString()).arg(parseError.offset);
        return false;
    }
    try {
        const QJsonObject root = object(document.object(), QString());
        if (!document.isObject() || root.value(QLatin1String("format")).toString() != kFormat)
            fail(QStringLiteral("format"), tr("not a NeuralScope lab file"));
        if (whole(field(root, "version", {}), QStringLiteral("version"), 1, 1000) != kFormatVersion)
            fail(QStringLiteral("version"), tr("version %1 is not supported").arg(root.value(QLatin1String("version")).toDouble()));
        Saved s;
        s.config = configOf(field(root, "config", {}), QStringLiteral("config"));
        s.data = dataOf(field(root, "data", {}), QStringLiteral("data"));
        if (!lossFits(s.config.training.loss.kind, s.data.task))
            fail(QStringLiteral("config.training.loss"), tr("does not fit the data's task"));
        if (s.data.dimension() != 2 && s.config.features != kDefaultFeatures)
            fail(QStringLiteral("config.features"), tr("features apply to 2-D data only"));
        const std::vector<int> sizes = layerSizesFor(s.config, s.data);
        const std::vector<Activation> activations = layerActivationsFor(s.config, s.data);
        s.initial = networkOf(field(root, "initialWeights", {}), QStringLiteral("initialWeights"), sizes, activations);
        s.state.network = networkOf(field(root, "weights", {}), QStringLiteral("weights"), sizes, activations);
        s.state.batchNorm = LabBatchNorm::fresh(s.state.network, s.config.training.batchNorm);
        if (root.contains(QLatin1String("batchNorm"))) {
            const QString where = QStringLiteral("batchNorm");
            const QJsonObject bn = object(root.value(where), where);
            const auto hidden = static_cast<qsizetype>(s.state.batchNorm.gamma.size());
            for (const char* key : {"gamma", "beta", "runningMean", "runningVar"}) {
                const QJsonArray layers = array(field(bn, key, where), path(where, key), hidden);
                for (qsizetype l = 0; l < hidden; ++l) {
                    const auto units = static_cast<qsizetype>(s.state.batchNorm.gamma[static_cast<std::size_t>(l)].size());
                    Vector v = vectorOf(layers[l], indexed(path(where, key), l), units);
                    if (!v.allFinite()) fail(indexed(path(where, key), l), tr("expected finite numbers"));
                    if (key == std::string_view("runningVar") && units > 0 && v.minCoeff() < 0)
                        fail(indexed(path(where, key), l), tr("a variance cannot be negative"));
                    auto& target = key == std::string_view("gamma")  ? s.state.batchNorm.gamma
                                   : key == std::string_view("beta") ? s.state.batchNorm.beta
                                   : key == std::string_view("runningMean") ? s.state.batchNorm.runningMean
                                                                            : s.state.batchNorm.runningVar;
                    target[static_cast<std::size_t>(l)] = std::move(v);
                }
            }
        }
        const QJsonObject opt = object(field(root, "optimizer", {}), QStringLiteral("optimizer"));
        // θ of the optimizer: the weights, then γ and β of the normalised layers.
        const auto parameters = static_cast<qsizetype>(s.initial.parameterCount() + s.state.batchNorm.parameterCount());
        s.state.optimizer.t = static_cast<long>(whole(field(opt, "t", QStringLiteral("optimizer")), QStringLiteral("optimizer.t"), 0, 1e15));
        for (const char* key : {"m", "v"}) {
            const QJsonArray a = array(field(opt, key, QStringLiteral("optimizer")), path(QStringLiteral("optimizer"), key));
            if (!a.isEmpty() && a.size() != parameters)
                fail(path(QStringLiteral("optimizer"), key), tr("expected one value per parameter (%1)").arg(parameters));
            (key[0] == 'm' ? s.state.optimizer.m : s.state.optimizer.v) =
                vectorOf(a, path(QStringLiteral("optimizer"), key), a.size());
        }
        const QJsonObject st = object(field(root, "stopping", {}), QStringLiteral("stopping"));
        s.state.stopping.best = real(field(st, "best", QStringLiteral("stopping")), QStringLiteral("stopping.best"), true);
        s.state.stopping.bestEpoch = static_cast<long>(whole(field(st, "bestEpoch", QStringLiteral("stopping")), QStringLiteral("stopping.bestEpoch"), 0, 1e15));
        s.state.stopping.sinceBest = static_cast<int>(whole(field(st, "sinceBest", QStringLiteral("stopping")), QStringLiteral("stopping.sinceBest"), 0, 1e9));
        if (!field(st, "seen", QStringLiteral("stopping")).isBool()) fail(QStringLiteral("stopping.seen"), tr("expected true or false"));
        s.state.stopping.seen = st.value(QLatin1String("seen")).toBool();
        s.state.stopping.patience = s.config.training.patience;
        s.state.epoch = static_cast<long>(whole(field(root, "epoch", {}), QStringLiteral("epoch"), 0, 1e15));
        s.state.status = named(field(root, "status", {}), QStringLiteral("status"), parseLabStatus);
        const QJsonObject dv = object(field(root, "divergence", {}), QStringLiteral("divergence"));
        s.state.reason = named(field(dv, "reason", QStringLiteral("divergence")), QStringLiteral("divergence.reason"),
                               [](std::string_view t) -> std::optional<DivergenceReason> {
                                   for (DivergenceReason r : {DivergenceReason::None, DivergenceReason::NonFiniteLoss,
                                                              DivergenceReason::NonFiniteGradient, DivergenceReason::WeightsExploded})
                                       if (reasonName(r) == t) return r;
                                   return std::nullopt;
                               });
        s.state.divergedLearningRate = real(field(dv, "learningRate", QStringLiteral("divergence")), QStringLiteral("divergence.learningRate"), true);
        s.history = historyOf(field(root, "history", {}), QStringLiteral("history"));
        const QJsonArray runs = array(field(root, "runs", {}), QStringLiteral("runs"));
        for (qsizetype i = 0; i < runs.size(); ++i) {
            const QString r = indexed(QStringLiteral("runs"), i);
            const QJsonObject run = object(runs[i], r);
            s.runs.push_back({static_cast<int>(whole(field(run, "number", r), path(r, "number"), 1, 1e9)),
                              configOf(field(run, "config", r), path(r, "config")),
                              historyOf(field(run, "history", r), path(r, "history"))});
        }
        s.nextRun = static_cast<int>(whole(field(root, "nextRun", {}), QStringLiteral("nextRun"), 1, 1e9));
        s.threshold = realIn(field(root, "threshold", {}), QStringLiteral("threshold"), 0, 1);
        *saved = std::move(s);
        return true;
    } catch (const LoadError& e) {
        if (error) *error = tr("%1: %2: %3").arg(shown, e.where, e.what);
        return false;
    }
}

}  // namespace ns
