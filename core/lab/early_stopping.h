#pragma once
// Early stopping (seed 004 §2, "提前停止"): watch the validation loss after every epoch and stop
// once it has not improved for `patience` epochs in a row.
namespace ns {

struct EarlyStopping {
    int patience = 0;           // 0: never stop
    double best = 0;            // the lowest validation loss seen
    long bestEpoch = 0;         // the epoch that reached it
    int sinceBest = 0;          // epochs since then
    bool seen = false;          // any loss observed yet

    // Records epoch's validation loss; true when training should stop now.
    bool observe(long epoch, double validationLoss) {
        if (!seen || validationLoss < best) {
            seen = true;
            best = validationLoss;
            bestEpoch = epoch;
            sinceBest = 0;
            return false;
        }
        ++sinceBest;
        return patience > 0 && sinceBest >= patience;
    }
    void reset() { *this = EarlyStopping{patience}; }
    bool operator==(const EarlyStopping&) const = default;
};

}  // namespace ns
