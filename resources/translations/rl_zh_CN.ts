<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ns::BanditModel</name>
    <message>
        <source>%1 arms is outside the range %2 to %3.</source>
        <translation>%1 个臂超出了 %2 到 %3 的范围。</translation>
    </message>
    <message>
        <source>Arms</source>
        <translation>臂数</translation>
    </message>
    <message>
        <source>An ε of %1 is outside the range 0 to 1.</source>
        <translation>ε = %1 超出了 0 到 1 的范围。</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>A UCB c of %1 is outside the range 0 to %2.</source>
        <translation>UCB 的 c = %1 超出了 0 到 %2 的范围。</translation>
    </message>
    <message>
        <source>UCB c</source>
        <translation>UCB c</translation>
    </message>
</context>
<context>
    <name>ns::BanditWorkspace</name>
    <message>
        <source>greedy</source>
        <translation>贪心</translation>
    </message>
    <message>
        <source>ε-greedy</source>
        <translation>ε-贪心</translation>
    </message>
    <message>
        <source>UCB</source>
        <translation>UCB</translation>
    </message>
    <message>
        <source>&amp;Arms k:</source>
        <translation>臂数 k(&amp;A)：</translation>
    </message>
    <message>
        <source>How many arms each bandit has. Every arm a pays a reward drawn from N(q*(a), 1); the means q*(a) are hidden from the agents. Changing it starts the experiment again.</source>
        <translation>每台老虎机有几个臂。臂 a 的奖励服从 N(q*(a), 1)；均值 q*(a) 对智能体是隐藏的。修改后实验从头开始。</translation>
    </message>
    <message>
        <source>&amp;ε:</source>
        <translation>ε(&amp;E)：</translation>
    </message>
    <message>
        <source>ε-greedy explores with probability ε (a random arm) and exploits otherwise (the arm with the best estimate Q(a)). ε = 0 is the greedy agent. Changing it starts again.</source>
        <translation>ε-贪心以概率 ε 探索（随机选一个臂），否则利用（选估计值 Q(a) 最大的臂）。ε = 0 就是贪心智能体。修改后从头开始。</translation>
    </message>
    <message>
        <source>UCB &amp;c:</source>
        <translation>UCB c(&amp;C)：</translation>
    </message>
    <message>
        <source>UCB picks argmax Q(a) + c √(ln t / N(a)): the less an arm was tried, the larger its bonus. c = 0 is greedy. Changing it starts again.</source>
        <translation>UCB 选择 argmax Q(a) + c √(ln t / N(a))：一个臂被试得越少，奖励加成越大。c = 0 就是贪心。修改后从头开始。</translation>
    </message>
    <message>
        <source>Play the three agents step by step, all on the same %1 bandits (Space)</source>
        <translation>让三个智能体一步一步地玩，全部面对同样的 %1 台老虎机（空格）</translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation>单步(&amp;T)</translation>
    </message>
    <message>
        <source>One more pull of every agent on every bandit (N)</source>
        <translation>每个智能体在每台老虎机上再拉一次（N）</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <source>Back to step 0 of the same bandits (R)</source>
        <translation>回到同一批老虎机的第 0 步（R）</translation>
    </message>
    <message>
        <source>Re&amp;veal q*</source>
        <translation>揭示 q*(&amp;V)</translation>
    </message>
    <message>
        <source>Show the hidden mean reward q*(a) of every arm of the first bandit, the best in green (V)</source>
        <translation>显示第一台老虎机每个臂隐藏的平均奖励 q*(a)，最好的臂为绿色（V）</translation>
    </message>
    <message>
        <source>Step t</source>
        <translation>步数 t</translation>
    </message>
    <message>
        <source>Average reward</source>
        <translation>平均奖励</translation>
    </message>
    <message>
        <source>% optimal action</source>
        <translation>最优动作 %</translation>
    </message>
    <message>
        <source>Arm a</source>
        <translation>臂 a</translation>
    </message>
    <message>
        <source>The reward at step t, averaged over the %1 bandits</source>
        <translation>第 t 步的奖励，对 %1 台老虎机取平均</translation>
    </message>
    <message>
        <source>How many of the %1 bandits had their best arm pulled at step t</source>
        <translation>在第 t 步，%1 台老虎机中有多少比例拉的是最优臂</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>ε-greedy (ε = %1)</source>
        <translation>ε-贪心（ε = %1）</translation>
    </message>
    <message>
        <source>UCB (c = %1)</source>
        <translation>UCB（c = %1）</translation>
    </message>
    <message>
        <source>Computing the three agents on %1 bandits…</source>
        <translation>正在计算三个智能体在 %1 台老虎机上的表现……</translation>
    </message>
    <message>
        <source>Step %1 of %2 · each curve averaged over %3 bandits with %4 arms</source>
        <translation>第 %1 步，共 %2 步 · 每条曲线是 %3 台 %4 臂老虎机的平均</translation>
    </message>
    <message>
        <source>%1: reward %2, optimal %3 %</source>
        <translation>%1：奖励 %2，最优 %3 %</translation>
    </message>
    <message>
        <source>At step %1 — </source>
        <translation>第 %1 步 —— </translation>
    </message>
    <message>
        <source>Bandit</source>
        <translation>多臂老虎机</translation>
    </message>
    <message>
        <source>Exploration vs exploitation: greedy, ε-greedy and UCB on the k-armed bandit</source>
        <translation>探索与利用：k 臂老虎机上的贪心、ε-贪心和 UCB</translation>
    </message>
    <message>
        <source>The first bandit: the hidden q*(a) as bars, each agent&apos;s estimate Q(a) at this step as dots</source>
        <translation>第一台老虎机：柱为隐藏的 q*(a)，点为各智能体在这一步的估计 Q(a)</translation>
    </message>
    <message>
        <source>Q(a), %1</source>
        <translation>Q(a)，%1</translation>
    </message>
    <message>
        <source>The arms&apos; mean rewards are hidden:
the agents must find them by pulling. Press &quot;Reveal q*&quot;.</source>
        <translation>各臂的平均奖励是隐藏的：
智能体只能靠拉动来发现。按“揭示 q*”查看。</translation>
    </message>
</context>
<context>
    <name>ns::CartPoleModel</name>
    <message>
        <source>Unknown agent “%1”: choose dqn, dqn_no_replay, dqn_no_target, reinforce or actor_critic.</source>
        <translation>未知的智能体“%1”：请选择 dqn、dqn_no_replay、dqn_no_target、reinforce 或 actor_critic。</translation>
    </message>
</context>
<context>
    <name>ns::CartPoleView</name>
    <message>
        <source>No episode yet</source>
        <translation>还没有回合</translation>
    </message>
    <message>
        <source>Step %1 of at most %2 · x = %3 m · θ = %4°</source>
        <translation>第 %1 步（最多 %2 步）· x = %3 m · θ = %4°</translation>
    </message>
    <message>
        <source> · fell</source>
        <translation> · 倒了</translation>
    </message>
    <message>
        <source> · balanced to the end</source>
        <translation> · 一直保持到最后</translation>
    </message>
    <message>
        <source>F = +10 N</source>
        <translation>F = +10 N</translation>
    </message>
    <message>
        <source>F = −10 N</source>
        <translation>F = −10 N</translation>
    </message>
</context>
<context>
    <name>ns::CartPoleWorkspace</name>
    <message>
        <source>DQN (replay + target network)</source>
        <translation>DQN（经验回放 + 目标网络）</translation>
    </message>
    <message>
        <source>DQN without replay</source>
        <translation>DQN，无经验回放</translation>
    </message>
    <message>
        <source>DQN without target network</source>
        <translation>DQN，无目标网络</translation>
    </message>
    <message>
        <source>REINFORCE</source>
        <translation>REINFORCE</translation>
    </message>
    <message>
        <source>Actor-critic</source>
        <translation>演员-评论家</translation>
    </message>
    <message>
        <source>&amp;Agent:</source>
        <translation>智能体(&amp;A)：</translation>
    </message>
    <message>
        <source>The agent drawn and watched, and drawn boldest on the plot (Alt+1 … Alt+5). All five train side by side, one episode each in turn.</source>
        <translation>被绘制和观看的智能体，在图中线条最粗（Alt+1 … Alt+5）。五个智能体并排训练，轮流各跑一个回合。</translation>
    </message>
    <message>
        <source>&amp;Watch speed:</source>
        <translation>观看速度(&amp;W)：</translation>
    </message>
    <message>
        <source>Steps per second of the watched episode; %1 is real time (τ = 0.02 s per step)</source>
        <translation>观看回合时每秒的步数；%1 为实时（每步 τ = 0.02 s）</translation>
    </message>
    <message>
        <source>Train the five agents, one episode each in turn, on the training thread (Space)</source>
        <translation>在训练线程上训练五个智能体，轮流各跑一个回合（空格）</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <source>Start every agent again from its seed (R)</source>
        <translation>每个智能体从各自的种子重新开始（R）</translation>
    </message>
    <message>
        <source>Run one greedy episode of the selected agent with its current weights and watch it (W)</source>
        <translation>用所选智能体当前的权重跑一个贪心回合并观看（W）</translation>
    </message>
    <message>
        <source>Ne&amp;xt frame</source>
        <translation>下一帧(&amp;X)</translation>
    </message>
    <message>
        <source>Stop the watched episode and show its next step (N)</source>
        <translation>停止播放，显示观看回合的下一步（N）</translation>
    </message>
    <message>
        <source>Training episode</source>
        <translation>训练回合</translation>
    </message>
    <message>
        <source>195: solved</source>
        <translation>195：已解决</translation>
    </message>
    <message>
        <source>%1 /s (real time)</source>
        <translation>%1 步/秒（实时）</translation>
    </message>
    <message>
        <source>%1 /s</source>
        <translation>%1 步/秒</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>Stop &amp;watching</source>
        <translation>停止观看(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Watch the current policy</source>
        <translation>观看当前策略(&amp;W)</translation>
    </message>
    <message>
        <source>%1 — greedy episode after %2 training episodes</source>
        <translation>%1 —— 训练 %2 个回合后的贪心回合</translation>
    </message>
    <message>
        <source>%1 — running a greedy episode…</source>
        <translation>%1 —— 正在运行贪心回合……</translation>
    </message>
    <message>
        <source>%1: episodes %2, mean return %3</source>
        <translation>%1：回合 %2，平均回报 %3</translation>
    </message>
    <message>
        <source>CartPole</source>
        <translation>倒立摆</translation>
    </message>
    <message>
        <source>DQN with and without replay and target network, REINFORCE and actor-critic balance a pole</source>
        <translation>有无经验回放和目标网络的 DQN、REINFORCE 与演员-评论家来平衡一根杆</translation>
    </message>
    <message>
        <source>&amp;Training:</source>
        <translation>训练(&amp;T)：</translation>
    </message>
    <message>
        <source>%1 episodes/s</source>
        <translation>每秒 %1 回合</translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <translation>尽可能快</translation>
    </message>
    <message>
        <source>How many training episodes per second, all agents together</source>
        <translation>每秒训练多少个回合（所有智能体合计）</translation>
    </message>
    <message>
        <source>Return (steps balanced) — thin: each episode, thick: mean of the last %1</source>
        <translation>回报（保持平衡的步数）—— 细线：每个回合，粗线：最近 %1 个回合的平均</translation>
    </message>
    <message>
        <source>%1 — press &quot;Watch the current policy&quot;</source>
        <translation>%1 —— 按“观看当前策略”</translation>
    </message>
</context>
</TS>
