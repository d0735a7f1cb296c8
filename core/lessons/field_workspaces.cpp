#include "lessons/field_workspaces.h"


namespace ns::lessons {

namespace {

using Kind = WorkspaceField::Kind;

WorkspaceField choice(std::string name, std::vector<std::string> choices, std::string en, std::string zh) {
    return {std::move(name), Kind::Choice, std::move(choices), 0, 0, true, {}, std::move(en), std::move(zh)};
}
WorkspaceField whole(std::string name, double low, double high, std::string en, std::string zh) {
    return {std::move(name), Kind::Whole, {}, low, high, true, {}, std::move(en), std::move(zh)};
}
WorkspaceField number(std::string name, double low, double high, std::string en, std::string zh) {
    return {std::move(name), Kind::Number, {}, low, high, true, {}, std::move(en), std::move(zh)};
}
WorkspaceField flag(std::string name, std::string en, std::string zh) {
    return {std::move(name), Kind::Flag, {}, 0, 0, true, {}, std::move(en), std::move(zh)};
}
WorkspaceField word(std::string name, std::string en, std::string zh) {
    return {std::move(name), Kind::Word, {}, 0, 0, true, {}, std::move(en), std::move(zh)};
}
// A field only the student's work changes, while `drivenBy` is on.
WorkspaceField reading(WorkspaceField f, std::string drivenBy) {
    f.settable = false;
    f.drivenBy = std::move(drivenBy);
    return f;
}

}  // namespace

const WorkspaceField* FieldWorkspace::field(std::string_view name) const {
    for (const WorkspaceField& f : fields)
        if (f.name == name) return &f;
    return nullptr;
}

const FieldSetting* FieldScene::find(std::string_view field) const {
    for (const FieldSetting& s : settings)
        if (s.field == field) return &s;
    return nullptr;
}

const std::vector<FieldWorkspace>& fieldWorkspaces() {
    static const std::vector<FieldWorkspace> specs{
        {"embedding", View::Embedding, "Embeddings", "词嵌入", "training",
         {choice("corpus", {"en", "zh"}, "corpus", "语料"),
          whole("dimension", 2, 64, "vector dimension", "向量维数"),
          whole("window", 1, 5, "context window", "上下文窗口"),
          whole("negatives", 1, 15, "negative samples", "负样本数"),
          number("learning_rate", 0.001, 1, "learning rate", "学习率"),
          choice("panel", {"map", "neighbours", "analogy", "onehot"}, "panel", "面板"),
          word("word", "query word", "查询词"),
          flag("training", "training", "训练"),
          reading(whole("epochs", 0, 1000000, "epochs trained", "已训练轮数"), "training"),
          reading(number("loss", 0, 100, "loss of the latest epoch", "最近一轮的损失"), "training")}},
        {"gridworld", View::GridWorld, "Grid world", "网格世界", "playing",
         {choice("layout", {"classic", "small", "cliff", "maze"}, "layout", "地图"),
          number("gamma", 0, 1, "discount γ", "折扣因子 γ"),
          number("step_reward", -2, 2, "reward per step", "每步奖励"),
          number("slip", 0, 1, "slip probability", "打滑概率"),
          choice("mode", {"values", "qlearning"}, "mode", "模式"),
          whole("sweep", 0, 1000, "value-iteration sweep shown", "显示的价值迭代轮次"),
          choice("algorithm", {"qlearning", "sarsa"}, "algorithm", "算法"),
          number("epsilon", 0, 1, "exploration ε", "探索率 ε"),
          number("alpha", 0, 1, "learning rate α", "学习率 α"),
          flag("playing", "episodes running", "回合运行"),
          reading(whole("episodes", 0, 10000000, "episodes run", "已运行回合数"), "playing"),
          reading(flag("policy_matches", "greedy policy equals value iteration's",
                       "贪心策略与价值迭代的策略一致"),
                  "playing")}},
        {"bandit", View::Bandit, "Bandit", "多臂老虎机", "playing",
         {whole("arms", 2, 20, "number of arms", "臂的数量"),
          number("epsilon", 0, 1, "exploration ε", "探索率 ε"),
          number("ucb_c", 0, 5, "UCB constant c", "UCB 常数 c"),
          flag("playing", "running", "运行"),
          reading(whole("steps", 0, 10000000, "steps taken", "已走步数"), "playing")}},
        {"cartpole", View::CartPole, "CartPole", "倒立摆", "playing",
         {choice("agent", {"dqn", "dqn_no_replay", "dqn_no_target", "reinforce", "actor_critic"}, "agent shown",
                 "显示的智能体"),
          flag("watching", "watching the current policy", "观看当前策略"),
          flag("playing", "training", "训练"),
          reading(whole("episodes", 0, 10000000, "episodes trained", "已训练回合数"), "playing"),
          reading(number("average_return", 0, 100000, "mean return of the last 20 episodes",
                         "最近 20 个回合的平均回报"),
                  "playing")}},
    };
    return specs;
}

const FieldWorkspace* fieldWorkspace(std::string_view id) {
    for (const FieldWorkspace& s : fieldWorkspaces())
        if (s.id == id) return &s;
    return nullptr;
}

const FieldWorkspace* fieldWorkspace(View view) {
    for (const FieldWorkspace& s : fieldWorkspaces())
        if (s.view == view) return &s;
    return nullptr;
}

std::vector<std::string> fieldConditionKeys() {
    std::vector<std::string> keys;
    for (const FieldWorkspace& s : fieldWorkspaces())
        for (const WorkspaceField& f : s.fields) {
            keys.push_back(s.id + "_" + f.name);
            if (f.kind == Kind::Whole || f.kind == Kind::Number) {
                keys.push_back(s.id + "_" + f.name + "_at_least");
                keys.push_back(s.id + "_" + f.name + "_at_most");
            }
        }
    return keys;
}

}  // namespace ns::lessons
