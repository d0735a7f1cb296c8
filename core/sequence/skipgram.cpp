#include "sequence/skipgram.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <sstream>

namespace ns::seq {
namespace {

std::vector<std::vector<std::string>> split(const std::vector<std::string>& lines) {
    std::vector<std::vector<std::string>> out;
    for (const auto& line : lines) {
        std::istringstream in(line);
        std::vector<std::string> s;
        for (std::string w; in >> w;) s.push_back(w);
        if (!s.empty()) out.push_back(std::move(s));
    }
    return out;
}

const std::vector<std::string>& englishLines() {
    static const std::vector<std::string> lines = {
        "the king is a man", "the queen is a woman", "the prince is a boy", "the princess is a girl",
        "the king and the queen rule the kingdom", "the prince and the princess live in the palace",
        "a man and a woman walk", "a boy and a girl play", "the king wears a crown", "the queen wears a crown",
        "the man is the father", "the woman is the mother", "the boy is the son", "the girl is the daughter",
        "the cat is an animal", "the dog is an animal", "the horse is an animal", "the cat and the dog eat",
        "the dog runs with the horse", "the cat sleeps", "the dog barks", "the horse runs",
        "one two three four five", "two three four five six", "three four five six seven",
        "one plus one is two", "two plus two is four", "three plus three is six",
        "monday tuesday wednesday thursday friday", "tuesday wednesday thursday friday saturday",
        "saturday and sunday are days", "monday is a day", "friday is a day",
        "red green blue yellow", "the sky is blue", "the grass is green", "the apple is red", "the sun is yellow",
        "red and blue are colours", "green and yellow are colours",
        "paris is the capital of france", "berlin is the capital of germany", "tokyo is the capital of japan",
        "beijing is the capital of china", "france and germany are countries", "japan and china are countries",
        "paris berlin tokyo beijing are cities",
    };
    return lines;
}

const std::vector<std::string>& chineseLines() {
    static const std::vector<std::string> lines = {
        "国王 是 男人", "王后 是 女人", "王子 是 男孩", "公主 是 女孩",
        "国王 和 王后 统治 王国", "王子 和 公主 住 在 宫殿", "男人 和 女人 散步", "男孩 和 女孩 玩",
        "国王 戴 王冠", "王后 戴 王冠", "男人 是 父亲", "女人 是 母亲", "男孩 是 儿子", "女孩 是 女儿",
        "猫 是 动物", "狗 是 动物", "马 是 动物", "猫 和 狗 吃", "狗 和 马 跑", "猫 睡觉", "狗 叫", "马 跑",
        "一 二 三 四 五", "二 三 四 五 六", "三 四 五 六 七", "一 加 一 是 二", "二 加 二 是 四", "三 加 三 是 六",
        "星期一 星期二 星期三 星期四 星期五", "星期二 星期三 星期四 星期五 星期六", "星期六 和 星期天 是 日子",
        "红 绿 蓝 黄", "天空 是 蓝", "草 是 绿", "苹果 是 红", "太阳 是 黄", "红 和 蓝 是 颜色", "绿 和 黄 是 颜色",
        "巴黎 是 法国 的 首都", "柏林 是 德国 的 首都", "东京 是 日本 的 首都", "北京 是 中国 的 首都",
        "法国 和 德国 是 国家", "日本 和 中国 是 国家", "巴黎 柏林 东京 北京 是 城市",
    };
    return lines;
}

double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

}  // namespace

std::vector<std::vector<std::string>> builtinCorpus(CorpusLanguage language) {
    auto base = split(language == CorpusLanguage::English ? englishLines() : chineseLines());
    // Repeated so a short corpus gives enough pairs per epoch.
    std::vector<std::vector<std::string>> out;
    for (int r = 0; r < 4; ++r) out.insert(out.end(), base.begin(), base.end());
    return out;
}

std::vector<std::vector<std::string>> builtinGroups(CorpusLanguage language) {
    if (language == CorpusLanguage::English)
        return {{"king", "queen", "prince", "princess"},
                {"cat", "dog", "horse"},
                {"one", "two", "three", "four", "five", "six", "seven"},
                {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday"},
                {"red", "green", "blue", "yellow"},
                {"paris", "berlin", "tokyo", "beijing"}};
    return {{"国王", "王后", "王子", "公主"},
            {"猫", "狗", "马"},
            {"一", "二", "三", "四", "五", "六", "七"},
            {"星期一", "星期二", "星期三", "星期四", "星期五", "星期六"},
            {"红", "绿", "蓝", "黄"},
            {"巴黎", "柏林", "东京", "北京"}};
}

PairGradient sgnsPairGradient(const Eigen::VectorXd& vc, const Eigen::VectorXd& uo,
                              const std::vector<Eigen::VectorXd>& uk) {
    PairGradient g;
    const double so = sigmoid(uo.dot(vc));
    g.loss = -std::log(so);
    g.gradCentre = (so - 1.0) * uo;       // ∂/∂v_c of −log σ(u_o·v_c)
    g.gradContext = (so - 1.0) * vc;
    for (const auto& u : uk) {
        const double sk = sigmoid(u.dot(vc));  // −log σ(−x) has derivative σ(x)
        g.loss -= std::log(1.0 - sk);
        g.gradCentre += sk * u;
        g.gradNegatives.push_back(sk * vc);
    }
    return g;
}

SkipGram::SkipGram(std::vector<std::vector<std::string>> sentences, SkipGramConfig config)
    : config_(config), rng_(config.seed) {
    std::map<std::string, int> index;
    std::vector<std::vector<int>> ids;
    for (const auto& s : sentences) {
        std::vector<int> row;
        for (const auto& w : s) {
            auto it = index.find(w);
            if (it == index.end()) {
                it = index.emplace(w, static_cast<int>(words_.size())).first;
                words_.push_back(w);
                counts_.push_back(0);
            }
            ++counts_[it->second];
            row.push_back(it->second);
        }
        ids.push_back(std::move(row));
    }
    for (const auto& row : ids)
        for (int i = 0; i < static_cast<int>(row.size()); ++i)
            for (int j = std::max(0, i - config_.window); j <= std::min<int>(row.size() - 1, i + config_.window); ++j)
                if (j != i) pairs_.emplace_back(row[i], row[j]);
    double total = 0;
    for (int c : counts_) total += std::pow(c, 0.75);
    for (int c : counts_) noise_.push_back(std::pow(c, 0.75) / total);
    const int V = static_cast<int>(words_.size()), d = config_.dimension;
    std::uniform_real_distribution<double> init(-0.5 / d, 0.5 / d);
    v_.resize(V, d);
    u_.resize(V, d);
    for (int i = 0; i < V; ++i)
        for (int k = 0; k < d; ++k) v_(i, k) = init(rng_), u_(i, k) = init(rng_);
    order_.resize(pairs_.size());
    reshuffle();
}

void SkipGram::reshuffle() {
    std::iota(order_.begin(), order_.end(), 0);
    // Fisher–Yates from our own engine: the same order on every standard library.
    for (std::size_t i = order_.size(); i > 1; --i) std::swap(order_[i - 1], order_[rng_() % i]);
    cursor_ = 0;
}

int SkipGram::indexOf(const std::string& word) const {
    auto it = std::find(words_.begin(), words_.end(), word);
    return it == words_.end() ? -1 : static_cast<int>(it - words_.begin());
}

double SkipGram::step(int n) {
    if (pairs_.empty() || n <= 0) return 0.0;
    double sum = 0;
    const int V = static_cast<int>(words_.size());
    for (int i = 0; i < n; ++i) {
        if (cursor_ >= order_.size()) {
            ++epochs_;
            reshuffle();
        }
        const auto [c, o] = pairs_[order_[cursor_++]];
        std::vector<int> neg;
        std::vector<Eigen::VectorXd> uk;
        for (int k = 0; k < config_.negatives; ++k) {
            // Inverse CDF on our own uniform draw (deterministic across libraries).
            double r = static_cast<double>(rng_() >> 11) * 0x1.0p-53, acc = 0;
            int w = V - 1;
            for (int j = 0; j < V; ++j) {
                acc += noise_[j];
                if (r < acc) { w = j; break; }
            }
            neg.push_back(w);
            uk.push_back(u_.row(w).transpose());
        }
        const Eigen::VectorXd vc = v_.row(c).transpose();
        const PairGradient g = sgnsPairGradient(vc, u_.row(o).transpose(), uk);
        sum += g.loss;
        const double eta = config_.learningRate;
        u_.row(o) -= eta * g.gradContext.transpose();
        for (std::size_t k = 0; k < neg.size(); ++k) u_.row(neg[k]) -= eta * g.gradNegatives[k].transpose();
        v_.row(c) -= eta * g.gradCentre.transpose();
        ++pairsDone_;
    }
    return sum / n;
}

double SkipGram::epoch() {
    const int before = epochs_;
    double sum = 0;
    long n = 0;
    while (epochs_ == before) {
        const int chunk = static_cast<int>(std::min<std::size_t>(256, order_.size() - cursor_));
        if (chunk == 0) { ++epochs_; reshuffle(); break; }
        sum += step(chunk) * chunk;
        n += chunk;
        if (cursor_ >= order_.size()) { ++epochs_; reshuffle(); }
    }
    return n ? sum / n : 0.0;
}

double SkipGram::cosine(int a, int b) const {
    const double na = v_.row(a).norm(), nb = v_.row(b).norm();
    return na > 0 && nb > 0 ? v_.row(a).dot(v_.row(b)) / (na * nb) : 0.0;
}

namespace {
std::vector<Neighbour> ranked(const Eigen::MatrixXd& v, const Eigen::VectorXd& q, const std::vector<int>& skip, int k) {
    std::vector<Neighbour> all;
    const double nq = q.norm();
    for (int i = 0; i < v.rows(); ++i) {
        if (std::find(skip.begin(), skip.end(), i) != skip.end()) continue;
        const double ni = v.row(i).norm();
        all.push_back({i, nq > 0 && ni > 0 ? v.row(i).dot(q) / (nq * ni) : 0.0});
    }
    std::stable_sort(all.begin(), all.end(), [](const Neighbour& a, const Neighbour& b) { return a.cosine > b.cosine; });
    if (static_cast<int>(all.size()) > k) all.resize(k);
    return all;
}
}  // namespace

std::vector<Neighbour> SkipGram::nearest(int word, int k) const {
    return ranked(v_, v_.row(word).transpose(), {word}, k);
}

std::vector<Neighbour> SkipGram::analogy(int a, int b, int c, int k) const {
    auto unit = [&](int w) -> Eigen::VectorXd {
        Eigen::VectorXd x = v_.row(w).transpose();
        const double n = x.norm();
        return n > 0 ? Eigen::VectorXd(x / n) : x;
    };
    return ranked(v_, unit(a) - unit(b) + unit(c), {a, b, c}, k);
}

Eigen::MatrixXd pcaProject(const Eigen::MatrixXd& X, int components) {
    const Eigen::MatrixXd centred = X.rowwise() - X.colwise().mean();
    const Eigen::MatrixXd cov = centred.transpose() * centred / std::max<Eigen::Index>(1, X.rows() - 1);
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(cov);
    // Eigenvalues ascend: take the last columns; fix each direction's sign (largest entry positive).
    Eigen::MatrixXd P(X.cols(), components);
    for (int i = 0; i < components; ++i) {
        Eigen::VectorXd e = es.eigenvectors().col(X.cols() - 1 - i);
        Eigen::Index m;
        e.cwiseAbs().maxCoeff(&m);
        if (e(m) < 0) e = -e;
        P.col(i) = e;
    }
    return centred * P;
}

Eigen::MatrixXd SkipGram::pca2() const { return pcaProject(v_, 2); }

OneHotComparison SkipGram::comparison() const {
    OneHotComparison c;
    c.vocabulary = static_cast<int>(words_.size());
    c.denseDimension = config_.dimension;
    c.oneHotSparsity = c.vocabulary > 0 ? 1.0 - 1.0 / c.vocabulary : 0.0;
    c.denseSparsity = v_.size() ? static_cast<double>((v_.array() == 0.0).count()) / v_.size() : 0.0;
    return c;
}

}  // namespace ns::seq
