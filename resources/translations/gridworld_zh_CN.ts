<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ns::BellmanPanel</name>
    <message>
        <source>up</source>
        <translation>上</translation>
    </message>
    <message>
        <source>down</source>
        <translation>下</translation>
    </message>
    <message>
        <source>left</source>
        <translation>左</translation>
    </message>
    <message>
        <source>right</source>
        <translation>右</translation>
    </message>
    <message>
        <source>(row %1, column %2)</source>
        <translation>（第 %1 行，第 %2 列）</translation>
    </message>
    <message>
        <source>Click a cell to compare the learned Q(s, a) with value iteration&apos;s Q*(s, a).</source>
        <translation>点击一个格子，比较学到的 Q(s, a) 与值迭代的 Q*(s, a)。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cell %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;格子 %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>learned Q(s,a)</source>
        <translation>学到的 Q(s,a)</translation>
    </message>
    <message>
        <source>Q*(s,a)</source>
        <translation>Q*(s,a)</translation>
    </message>
    <message>
        <source>The learned greedy action %1 is optimal here.</source>
        <translation>学到的贪心动作 %1 在这里是最优的。</translation>
    </message>
    <message>
        <source>The learned greedy action %1 is not optimal yet.</source>
        <translation>学到的贪心动作 %1 在这里还不是最优的。</translation>
    </message>
    <message>
        <source>Click a cell (not a wall, goal or pit) to see its Bellman backup with the numbers substituted.</source>
        <translation>点击一个格子（墙、终点和陷阱除外），查看代入数值后的贝尔曼备份。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cell %1&lt;/b&gt;, from the sweep k = %2:</source>
        <translation>&lt;b&gt;格子 %1&lt;/b&gt;，由第 k = %2 轮扫描：</translation>
    </message>
    <message>
        <source>V&lt;sub&gt;%1&lt;/sub&gt;(s) = max = &lt;b&gt;%2&lt;/b&gt; (%3 %4)</source>
        <translation>V&lt;sub&gt;%1&lt;/sub&gt;(s) = max = &lt;b&gt;%2&lt;/b&gt;（%3 %4）</translation>
    </message>
</context>
<context>
    <name>ns::GridWorldModel</name>
    <message>
        <source>Unknown layout “%1”: choose classic, small, cliff or maze.</source>
        <translation>未知布局“%1”：请选择 classic、small、cliff 或 maze。</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>布局</translation>
    </message>
    <message>
        <source>γ = %1 is outside the range 0 to 1.</source>
        <translation>γ = %1 超出 0 到 1 的范围。</translation>
    </message>
    <message>
        <source>Discount γ</source>
        <translation>折扣 γ</translation>
    </message>
    <message>
        <source>A step reward of %1 is outside the range %2 to %3.</source>
        <translation>每步奖励 %1 超出 %2 到 %3 的范围。</translation>
    </message>
    <message>
        <source>Step reward</source>
        <translation>每步奖励</translation>
    </message>
    <message>
        <source>A slip probability of %1 is outside the range 0 to 1.</source>
        <translation>打滑概率 %1 超出 0 到 1 的范围。</translation>
    </message>
    <message>
        <source>Slip probability</source>
        <translation>打滑概率</translation>
    </message>
    <message>
        <source>Unknown algorithm “%1”: choose qlearning or sarsa.</source>
        <translation>未知算法“%1”：请选择 qlearning 或 sarsa。</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>算法</translation>
    </message>
    <message>
        <source>ε = %1 is outside the range 0 to 1.</source>
        <translation>ε = %1 超出 0 到 1 的范围。</translation>
    </message>
    <message>
        <source>Exploration ε</source>
        <translation>探索率 ε</translation>
    </message>
    <message>
        <source>α = %1 is outside the range %2 to 1.</source>
        <translation>α = %1 超出 %2 到 1 的范围。</translation>
    </message>
    <message>
        <source>Step size α</source>
        <translation>步长 α</translation>
    </message>
    <message>
        <source>Random starts on</source>
        <translation>开启随机起点</translation>
    </message>
    <message>
        <source>Random starts off</source>
        <translation>关闭随机起点</translation>
    </message>
    <message>
        <source>There is no cell %1 in this grid.</source>
        <translation>这个网格中没有格子 %1。</translation>
    </message>
    <message>
        <source>Unknown cell type “%1”: choose S, G, X, # or .</source>
        <translation>未知格子类型“%1”：请选择 S、G、X、# 或 .</translation>
    </message>
    <message>
        <source>The start cannot be removed: put the start somewhere else first.</source>
        <translation>起点不能删除：请先把起点放到别处。</translation>
    </message>
    <message>
        <source>Edit cell</source>
        <translation>编辑格子</translation>
    </message>
    <message>
        <source>Unknown mode “%1”: choose values or qlearning.</source>
        <translation>未知模式“%1”：请选择 values 或 qlearning。</translation>
    </message>
</context>
<context>
    <name>ns::GridWorldWorkspace</name>
    <message>
        <source>&amp;Layout:</source>
        <translation>布局(&amp;L)：</translation>
    </message>
    <message>
        <source>classic 4 × 3</source>
        <translation>经典 4 × 3</translation>
    </message>
    <message>
        <source>small 3 × 3</source>
        <translation>小型 3 × 3</translation>
    </message>
    <message>
        <source>cliff</source>
        <translation>悬崖</translation>
    </message>
    <message>
        <source>maze</source>
        <translation>迷宫</translation>
    </message>
    <message>
        <source>The grid: the classic 4 × 3 world with a wall, a goal (+1) and a pit (−1); a small 3 × 3 one; a cliff walk beside a row of pits; a small maze. Choosing one again undoes your edits.</source>
        <translation>网格：经典的 4 × 3 世界，有一堵墙、一个终点（+1）和一个陷阱（−1）；一个小型 3 × 3 网格；沿一排陷阱行走的悬崖；一个小迷宫。再次选择同一布局会撤回你的编辑。</translation>
    </message>
    <message>
        <source>&amp;γ:</source>
        <translation>γ(&amp;G)：</translation>
    </message>
    <message>
        <source>The discount factor γ: how much a reward one step later is worth (0 = only the next reward counts, 1 = all rewards count fully)</source>
        <translation>折扣因子 γ：晚一步得到的奖励值多少（0 = 只看下一个奖励，1 = 所有奖励都完全计入）</translation>
    </message>
    <message>
        <source>Step &amp;reward:</source>
        <translation>每步奖励(&amp;R)：</translation>
    </message>
    <message>
        <source>R for every step that does not enter the goal (+1) or the pit (−1): negative makes the agent hurry, positive makes it wander</source>
        <translation>每一步没有进入终点（+1）或陷阱（−1）时的奖励 R：为负时智能体会赶路，为正时它会闲逛</translation>
    </message>
    <message>
        <source>&amp;Slip:</source>
        <translation>打滑(&amp;S)：</translation>
    </message>
    <message>
        <source>The probability that a move slips to one of the two perpendicular directions (half each): P(s′|s,a) is no longer certain</source>
        <translation>移动滑向两个垂直方向之一的概率（各占一半）：P(s′|s,a) 不再是确定的</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>模式(&amp;M)：</translation>
    </message>
    <message>
        <source>Value iteration</source>
        <translation>值迭代</translation>
    </message>
    <message>
        <source>Q-learning</source>
        <translation>Q 学习</translation>
    </message>
    <message>
        <source>Value iteration plans with the model P and R, sweep by sweep; Q-learning (or SARSA) learns from episodes of an ε-greedy agent that knows neither</source>
        <translation>值迭代利用模型 P 和 R 逐轮扫描地规划；Q 学习（或 SARSA）则从一个 ε-贪心智能体的回合中学习，它既不知道 P 也不知道 R</translation>
    </message>
    <message>
        <source>&amp;Edit cells</source>
        <translation>编辑格子(&amp;E)</translation>
    </message>
    <message>
        <source>While on, a click on a cell changes it as the palette says (E)</source>
        <translation>开启时，点击格子会按调色板的选择修改它（E）</translation>
    </message>
    <message>
        <source>click cycles . # G X</source>
        <translation>点击循环 . # G X</translation>
    </message>
    <message>
        <source>wall</source>
        <translation>墙</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空地</translation>
    </message>
    <message>
        <source>goal +1</source>
        <translation>终点 +1</translation>
    </message>
    <message>
        <source>pit −1</source>
        <translation>陷阱 −1</translation>
    </message>
    <message>
        <source>start</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>What a click on a cell makes of it in edit mode: cycle empty → wall → goal → pit, or one type</source>
        <translation>编辑模式下点击格子的效果：在 空地 → 墙 → 终点 → 陷阱 之间循环，或设为某一种类型</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <source>Start again: V_0 = 0 (sweep 0) and Q = 0 with the same seed (R)</source>
        <translation>重新开始：V_0 = 0（第 0 轮扫描），Q = 0，随机种子不变（R）</translation>
    </message>
    <message>
        <source>← Previous sweep</source>
        <translation>← 上一轮扫描</translation>
    </message>
    <message>
        <source>Show Vₖ₋₁ (Left arrow)</source>
        <translation>显示 Vₖ₋₁（左方向键）</translation>
    </message>
    <message>
        <source>Next sweep →</source>
        <translation>下一轮扫描 →</translation>
    </message>
    <message>
        <source>One more sweep of Bellman backups over every state: Vₖ₊₁ from Vₖ (Right arrow)</source>
        <translation>对所有状态再做一轮贝尔曼备份：由 Vₖ 得到 Vₖ₊₁（右方向键）</translation>
    </message>
    <message>
        <source>Run to convergence</source>
        <translation>运行到收敛</translation>
    </message>
    <message>
        <source>Jump to the last sweep, where Δ = maxₛ |Vₖ(s) − Vₖ₋₁(s)| ≤ %1 (End)</source>
        <translation>跳到最后一轮扫描，此时 Δ = maxₛ |Vₖ(s) − Vₖ₋₁(s)| ≤ %1（End）</translation>
    </message>
    <message>
        <source>&amp;Algorithm:</source>
        <translation>算法(&amp;A)：</translation>
    </message>
    <message>
        <source>SARSA</source>
        <translation>SARSA</translation>
    </message>
    <message>
        <source>Q-learning bootstraps from max_a′ Q(s′,a′) (off-policy); SARSA from Q(s′,a′) of the action it really takes next (on-policy). Changing it starts learning again.</source>
        <translation>Q 学习用 max_a′ Q(s′,a′) 自举（离策略）；SARSA 用下一步真正采取的动作的 Q(s′,a′)（同策略）。更换算法会重新开始学习。</translation>
    </message>
    <message>
        <source>&amp;ε:</source>
        <translation>ε(&amp;P)：</translation>
    </message>
    <message>
        <source>Exploration: with probability ε the agent takes a random action, otherwise the greedy one</source>
        <translation>探索：智能体以概率 ε 随机选择动作，否则选择贪心动作</translation>
    </message>
    <message>
        <source>&amp;α:</source>
        <translation>α(&amp;H)：</translation>
    </message>
    <message>
        <source>Step size: Q(s,a) ← Q(s,a) + α [target − Q(s,a)]</source>
        <translation>步长：Q(s,a) ← Q(s,a) + α [目标 − Q(s,a)]</translation>
    </message>
    <message>
        <source>Random starts</source>
        <translation>随机起点</translation>
    </message>
    <message>
        <source>Exploring starts: every episode begins in a random cell, so every state is visited</source>
        <translation>探索性起点：每个回合从一个随机格子开始，因此每个状态都会被访问</translation>
    </message>
    <message>
        <source>One &amp;episode</source>
        <translation>一个回合(&amp;E)</translation>
    </message>
    <message>
        <source>Run one episode and show the agent&apos;s path (N)</source>
        <translation>运行一个回合并显示智能体的路径（N）</translation>
    </message>
    <message>
        <source>Spee&amp;d:</source>
        <translation>速度(&amp;D)：</translation>
    </message>
    <message>
        <source>Episodes per second while playing; the agent&apos;s moves are animated</source>
        <translation>播放时每秒的回合数；智能体的移动以动画显示</translation>
    </message>
    <message>
        <source>&amp;Fast</source>
        <translation>快速(&amp;F)</translation>
    </message>
    <message>
        <source>As many episodes as the core can run, without animation</source>
        <translation>以计算核心能达到的最快速度运行回合，不显示动画</translation>
    </message>
    <message>
        <source>Episode</source>
        <translation>回合</translation>
    </message>
    <message>
        <source>Return G₀</source>
        <translation>回报 G₀</translation>
    </message>
    <message>
        <source>Return of every episode, G₀ = Σ γᵏ rₖ₊₁</source>
        <translation>每个回合的回报 G₀ = Σ γᵏ rₖ₊₁</translation>
    </message>
    <message>
        <source>Click a cell to see its Bellman backup (or its Q values); in edit mode a click changes the cell</source>
        <translation>点击格子查看它的贝尔曼备份（或 Q 值）；编辑模式下点击会修改格子</translation>
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
        <source>Pause the agent (Space)</source>
        <translation>暂停智能体（空格）</translation>
    </message>
    <message>
        <source>Let the ε-greedy agent run episodes and learn Q (Space)</source>
        <translation>让 ε-贪心智能体运行回合并学习 Q（空格）</translation>
    </message>
    <message>
        <source>k = %1, Δ = %2</source>
        <translation>k = %1，Δ = %2</translation>
    </message>
    <message>
        <source> (converged)</source>
        <translation>（已收敛）</translation>
    </message>
    <message>
        <source> (stopped after %1 sweeps)</source>
        <translation>（%1 轮扫描后停止）</translation>
    </message>
    <message>
        <source>Bellman backup of the selected cell</source>
        <translation>所选格子的贝尔曼备份</translation>
    </message>
    <message>
        <source>Learned Q beside value iteration&apos;s Q*</source>
        <translation>学到的 Q 与值迭代的 Q* 对照</translation>
    </message>
    <message>
        <source>Episodes: %1</source>
        <translation>回合数：%1</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#2e7d32&apos;&gt;✓ The greedy policy equals value iteration&apos;s in every cell.&lt;/b&gt;</source>
        <translation>&lt;b style=&apos;color:#2e7d32&apos;&gt;✓ 贪心策略在每个格子上都与值迭代的一致。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The greedy policy is compared with value iteration&apos;s once the agent has run an episode.</source>
        <translation>智能体运行过一个回合后，才会把贪心策略与值迭代的策略比较。</translation>
    </message>
    <message numerus="yes">
        <source>The greedy policy still differs from value iteration&apos;s in %n cell(s).</source>
        <translation>
            <numerusform>贪心策略仍有 %n 个格子与值迭代的不同。</numerusform>
        </translation>
    </message>
    <message>
        <source>Colour: Vₖ(s), blue &gt; 0, orange &lt; 0 · arrow: the greedy action of Vₖ · S start, G goal (+1), X pit (−1), dark: wall</source>
        <translation>颜色：Vₖ(s)，蓝色 &gt; 0，橙色 &lt; 0 · 箭头：Vₖ 的贪心动作 · S 起点，G 终点（+1），X 陷阱（−1），深色：墙</translation>
    </message>
    <message>
        <source>Each cell: four triangles coloured by Q(s, a) for up, down, left, right · arrow: the greedy action · yellow disc: the agent and its path</source>
        <translation>每个格子：四个三角形按上、下、左、右的 Q(s, a) 着色 · 箭头：贪心动作 · 黄色圆点：智能体及其路径</translation>
    </message>
    <message>
        <source>Grid world</source>
        <translation>网格世界</translation>
    </message>
    <message>
        <source>Value iteration sweep by sweep, Q-learning and SARSA on a grid world</source>
        <translation>网格世界中的逐轮值迭代、Q 学习与 SARSA</translation>
    </message>
    <message>
        <source> · the last one: length %1, return %2</source>
        <translation> · 最近一回合：长度 %1，回报 %2</translation>
    </message>
</context>
</TS>
