#pragma once
// Word embeddings: skip-gram with negative sampling (seed 001 §6, seed 002 "word2vec").
// For a centre word c and a context word o within the window, with K negatives k drawn from the
// unigram distribution raised to 3/4, the loss is
//   L = −log σ(u_o·v_c) − Σ_k log σ(−u_k·v_c),
// v = input (centre) vectors, u = output (context) vectors; plain SGD on both.
#include <Eigen/Dense>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace ns::seq {

enum class CorpusLanguage { English, Chinese };

// The built-in corpus, tokenised (Chinese is pre-segmented with spaces): one vector per sentence.
std::vector<std::vector<std::string>> builtinCorpus(CorpusLanguage language);
// Word groups of the built-in corpus (royalty, animals, numbers, ...), for tests and the lesson.
std::vector<std::vector<std::string>> builtinGroups(CorpusLanguage language);

struct SkipGramConfig {
    int dimension = 16;
    int window = 2;
    int negatives = 5;
    double learningRate = 0.05;
    std::uint64_t seed = 1;
};

struct Neighbour {
    int word = -1;
    double cosine = 0.0;
};

// One (centre, context) pair's loss and gradients, for the gradient check and the trainer.
struct PairGradient {
    double loss = 0.0;
    Eigen::VectorXd gradCentre;                 // ∂L/∂v_c
    Eigen::VectorXd gradContext;                // ∂L/∂u_o
    std::vector<Eigen::VectorXd> gradNegatives; // ∂L/∂u_k
};
PairGradient sgnsPairGradient(const Eigen::VectorXd& vc, const Eigen::VectorXd& uo,
                              const std::vector<Eigen::VectorXd>& uk);

struct OneHotComparison {
    int vocabulary = 0;        // one-hot dimension
    int denseDimension = 0;
    double oneHotSparsity = 0; // fraction of zeros in a one-hot vector: 1 − 1/V
    double denseSparsity = 0;  // fraction of exact zeros in the dense vectors
};

class SkipGram {
public:
    SkipGram(std::vector<std::vector<std::string>> sentences, SkipGramConfig config);

    const std::vector<std::string>& words() const { return words_; }
    const std::vector<int>& counts() const { return counts_; }
    int indexOf(const std::string& word) const;  // −1 if absent
    const std::vector<std::pair<int, int>>& pairs() const { return pairs_; }
    const Eigen::MatrixXd& input() const { return v_; }    // [V][d], rows v_w
    const Eigen::MatrixXd& output() const { return u_; }   // [V][d], rows u_w
    const std::vector<double>& noise() const { return noise_; }  // unigram^0.75, normalised

    // Train on the next n pairs (a seeded shuffle per epoch); returns the mean loss of those pairs.
    double step(int n);
    double epoch();
    int epochsDone() const { return epochs_; }
    long pairsDone() const { return pairsDone_; }

    double cosine(int a, int b) const;
    std::vector<Neighbour> nearest(int word, int k) const;
    // a − b + c (king − man + woman), the query words excluded.
    std::vector<Neighbour> analogy(int a, int b, int c, int k) const;
    Eigen::MatrixXd pca2() const;  // [V][2] projection of the centred input vectors
    OneHotComparison comparison() const;

private:
    void reshuffle();
    SkipGramConfig config_;
    std::vector<std::string> words_;
    std::vector<int> counts_;
    std::vector<std::pair<int, int>> pairs_;
    std::vector<double> noise_;
    std::vector<int> order_;
    std::mt19937_64 rng_;
    Eigen::MatrixXd v_, u_;
    std::size_t cursor_ = 0;
    int epochs_ = 0;
    long pairsDone_ = 0;
};

// The two leading principal directions of the rows of X (centred), projected: [rows][2].
Eigen::MatrixXd pcaProject(const Eigen::MatrixXd& X, int components = 2);

}  // namespace ns::seq
