#pragma once
// Shared looks of the reinforcement-learning views: one colour per bandit strategy and per
// CartPole agent (Okabe–Ito, colour-blind safe).
#include <QColor>

namespace ns::rl_style {

inline constexpr int kBanditStrategies = 3;  // greedy, ε-greedy, UCB
inline constexpr int kCartPoleAgents = 5;    // DQN, DQN without replay, without target, REINFORCE, actor-critic
QColor strategyColor(int strategy);
QColor agentColor(int agent);

}  // namespace ns::rl_style
