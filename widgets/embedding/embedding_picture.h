#pragma once
// What the embedding views draw, copied from the skip-gram model by the app: the words at their
// PCA coordinates (SkipGram::pca2), each word's group of the built-in corpus, the query word with
// its nearest neighbours and every word's cosine to it, and the analogy's arrows.
#include <QPointF>
#include <QString>

#include <vector>

namespace ns {

struct EmbeddingArrow {
    QPointF from, to;  // in PCA coordinates
    QString label;
    bool dashed = false;
};

struct EmbeddingMapPicture {
    std::vector<QString> words;
    std::vector<QPointF> points;   // PCA coordinates, one per word
    std::vector<int> groups;       // index into the corpus's groups, −1 for other words
    std::vector<QString> groupNames;
    int query = -1;                // the highlighted word (−1: none)
    std::vector<int> neighbours;   // its nearest words, nearest first
    std::vector<double> cosines;   // every word's cosine to the query (empty without one)
    std::vector<int> marked;       // further words drawn emphasised (the analogy's a, b, c, answer)
    std::vector<EmbeddingArrow> arrows;
    QPointF target;                // a point drawn as a cross (the analogy's a − b + c), if hasTarget
    bool hasTarget = false;
};

// One bar of a ranked list: a word and its cosine.
struct EmbeddingBar {
    QString word;
    double cosine = 0.0;
    int group = -1;
};

}  // namespace ns
