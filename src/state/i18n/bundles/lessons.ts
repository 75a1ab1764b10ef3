/**
 * The lessons' words (src/app/lessons/chapters.ts): per step a title, the text, a "try this" and
 * the live claim, whose {placeholders} are filled with numbers computed in the browser.
 */
import type { Bundle } from './types';

export default {
  en: {
    'lessons.chapter.hippo': '1 · Linear systems and HiPPO',
    'lessons.chapter.disc': '2 · Discretisation and LegS’s good properties',
    'lessons.chapter.s4': '3 · S4: computing the kernel fast',
    'lessons.chapter.rtf': '4 · RTF: the rational generating function',

    'lessons.hippo.online.title': 'A memory of N numbers',
    'lessons.hippo.online.text':
      'HiPPO keeps an online summary of everything seen so far: the history u on [0, t] is projected onto N Legendre polynomials, and the N coefficients x(t) are updated as each sample arrives. The blue curve is the function those N numbers describe.',
    'lessons.hippo.online.try':
      'Press ▶ Play and watch the reconstruction follow the signal; then drag the time cursor.',
    'lessons.hippo.online.claim':
      'The state holds N = {N} numbers after {k} samples — its size never grows.',

    'lessons.hippo.matrix.title': 'Why a linear ODE',
    'lessons.hippo.matrix.text':
      'Differentiate the projection coefficients with respect to t and the result is exactly linear in x and u: linearity is derived, not assumed. For LegS (the whole history, scaled) x′ = (A/t) x + (B/t) u with A_nk = −√((2n+1)(2k+1)) below the diagonal, −(n+1) on it and 0 above (post 1, eq. leg-s-hippo; HiPPO paper).',
    'lessons.hippo.matrix.try':
      'Hover an entry of A for its formula; raise N and see the pattern hold.',
    'lessons.hippo.matrix.claim':
      'Computed: A₁₀ = {a10} (−√3 = {s3}), A₂₁ = {a21} (−√15 = {s15}), diagonal {diag}.',

    'lessons.hippo.eig.title': 'LegS eigenvalues are −1 … −N',
    'lessons.hippo.eig.text':
      'A is lower triangular, so its eigenvalues are its diagonal: −1, −2, …, −N, all real and distinct. The eigenvalue solver does not know that; it finds them anyway.',
    'lessons.hippo.eig.try': 'Move N: the points stay on the integers of the negative real axis.',
    'lessons.hippo.eig.claim':
      'Eigenvalues computed for N = {N}: {eig}; largest |imaginary part| {im}.',

    'lessons.hippo.basis.title': 'The basis and the normalisation',
    'lessons.hippo.basis.text':
      'The reconstruction is Σ x_n √(2n+1) P_n(2s/t − 1): each coefficient weights one scaled Legendre polynomial. The HiPPO paper normalises on a probability measure, B_n = √(2n+1); the post’s basis on [−1, 1] gives B = √2 × that. Same A, different B.',
    'lessons.hippo.basis.try': 'Switch Conventions → Normalisation to blog and watch B change.',
    'lessons.hippo.basis.claim': 'B computed ({norm}): {got}; formula: {want}.',

    'lessons.hippo.legt.title': 'LegT: a sliding window',
    'lessons.hippo.legt.text':
      'LegT projects only the last θ time units, so it forgets what leaves the window. It is an approximation even before discretising: the value leaving the window, u(t − θ), is replaced by the reconstruction at the window’s oldest end. Its eigenvalues are complex pairs in the left half-plane.',
    'lessons.hippo.legt.try':
      'Shrink θ: the window narrows and older bumps vanish from the reconstruction.',
    'lessons.hippo.legt.claim':
      'N = {N}, θ = {theta}: the computed eigenvalues sum to {sum} = trace A = −N²/θ = {trace}; largest |Im| {im}, largest Re {reMax}.',

    'lessons.hippo.resolution.title': 'Resolution against memory',
    'lessons.hippo.resolution.text':
      'LegS remembers everything, blurred: N fixed numbers describe an ever longer history, so detail fades as t grows — “stand farther back to see the whole picture”. A longer memory at the same quality needs a larger state; no fixed-size linear memory escapes this.',
    'lessons.hippo.resolution.try':
      'Raise N from 8 to 64 and watch the chirp’s fast end come back.',
    'lessons.hippo.resolution.claim': 'N = {N} numbers now stand for {k} samples of history.',

    'lessons.disc.schemes.title': 'Four ways to take a step',
    'lessons.disc.schemes.text':
      'Feed the samples as a step function and integrate one step: forward Euler Ā = I + ΔA, backward Euler (I − ΔA)⁻¹, bilinear (I − ΔA/2)⁻¹(I + ΔA/2) (S4’s choice, second order), ZOH e^(ΔA) (exact for steps). Each maps an eigenvalue λ of A to one of Ā.',
    'lessons.disc.schemes.try':
      'Change the discretisation and Δ; watch Ā’s eigenvalues move inside the unit circle.',
    'lessons.disc.schemes.claim':
      'LegS N = {N}, Δ = {dt}, {disc}: Ā’s eigenvalues {got}; the map of −1…−N gives {want} (max difference {err}); spectral radius {rho}.',

    'lessons.disc.forward.title': 'Forward Euler can blow up',
    'lessons.disc.forward.text':
      'Forward Euler maps λ = −j to 1 − Δj, which leaves the unit circle once Δ > 2/N. Backward Euler, bilinear and ZOH map every stable λ inside it, whatever Δ.',
    'lessons.disc.forward.try': 'Lower Δ below 2/N = 0.25 and the eigenvalues come back inside.',
    'lessons.disc.forward.claim':
      'LegS N = {N}, Δ = {dt}, {disc}: spectral radius of Ā = {rho} (the map gives {want}).',

    'lessons.disc.zoh.title': 'ZOH: exact for steps',
    'lessons.disc.zoh.text':
      'With the input constant over each step, variation of constants gives Ā = e^(ΔA) and B̄ = A⁻¹(e^(ΔA) − I)B exactly. It needs a matrix exponential — cheap only when A is diagonal, which is why Mamba uses it.',
    'lessons.disc.zoh.try':
      'Compare the Ā heatmap for ZOH and bilinear at Δ = 0.1: nearly the same.',
    'lessons.disc.zoh.claim':
      'LegS N = {N}, Δ = {dt}, {disc}: Ā’s eigenvalues {got}; e^(−Δj): {want} (max difference {err}).',

    'lessons.disc.equivariance.title': 'LegS does not care about Δ',
    'lessons.disc.equivariance.text':
      'Substitute t = ατ and the LegS ODE x′ = (A/t)x + (B/t)u is unchanged: stretching the input in time stretches the states the same way (timescale equivariance). In the discrete recursion Δ cancels — one hyperparameter fewer.',
    'lessons.disc.equivariance.try': 'Move Δ: the LegS coefficients do not change at all.',
    'lessons.disc.equivariance.claim':
      'Input stretched ×2 (each sample twice), N = {N}: states at t = 2k vs t = k differ by at most {err} (state size {norm}).',

    'lessons.disc.memory.title': 'Polynomial memory',
    'lessons.disc.memory.text':
      'From step m to n the exact LegS propagator is e^((ln n − ln m)A), with eigenvalues (m/n)^j: an impulse fades like 1/t, not exponentially. S4 puts the same A in the LTI form x′ = Ax + Bu, whose modes shrink by a fixed factor every step — exponential forgetting.',
    'lessons.disc.memory.try':
      'Watch the impulse’s coefficients linger in the heatmap; then switch the measure to LegT.',
    'lessons.disc.memory.claim':
      'N = {N}, impulse at t = 0: L·‖x_L‖ for L = 10, 100, 1000 is {legs} for LegS (levels off), {lti} for the LTI form at Δ = {dt} (vanishes).',

    'lessons.disc.fourier.title': 'Exercise: a Fourier basis',
    'lessons.disc.fourier.text':
      'Why polynomials? The key step writes the derivative of each basis function exactly in the basis — possible for polynomials, not for e^(2iπns). A Fourier basis over the whole history still gives x′ = (A/t)x + (B/t)u with A_nk = −n/(n−k), A_nn = iπn − 1, but only after truncating a series: complex, not triangular — “an exercise”.',
    'lessons.disc.fourier.try':
      'Look at FouT’s sliding-window Fourier basis in the basis panel, and its matrix.',
    'lessons.disc.fourier.claim':
      'The {size}×{size} whole-history Fourier matrix: real parts of its eigenvalues from {lo} to {hi}; largest |Im| {im}.',

    'lessons.s4.lti.title': 'S4 takes LegS into the LTI form',
    'lessons.s4.lti.text':
      'S4 uses the LegS matrix in x′ = Ax + Bu, discretised bilinearly with step Δ, and reads out y = Cx. Its kernel K_k = C Ā^k B̄ turns the recurrence into one long convolution, y = K ∗ u, computed by FFT in parallel.',
    'lessons.s4.lti.try': 'Lower Δ: the kernel stretches out — memory lengthens as 1/Δ.',
    'lessons.s4.lti.claim':
      'N = {N}, Δ = {dt}: ρ(Ā) = {rho}; (1 − Δ/2)/(1 + Δ/2) = {want}; ρ^L at L = {L}: {rhoL}.',

    'lessons.s4.diagonalise.title': 'Why not just diagonalise?',
    'lessons.s4.diagonalise.text':
      'A diagonal Ā would make every power trivial. LegS is diagonalisable in theory, but its eigenvectors span an exponential range: S4’s explicit V has entries C(4i, 2i) ≈ 2^(4N/3). In float64 the eigenvectors are useless beyond N ≈ 20.',
    'lessons.s4.diagonalise.try':
      'Raise N to 16 and 24 and read the conditioning in the eigenvalue panel.',
    'lessons.s4.diagonalise.claim':
      'N = {N}: cond(eigenvectors) {cond}; entry C(4i, 2i) at i = {i}: {binom}.',

    'lessons.s4.nplr.title': 'Normal plus low rank',
    'lessons.s4.nplr.text':
      'The stroke of genius: A + PPᵀ with P_n = √(n + ½) equals −½I plus a skew-symmetric matrix, which a unitary matrix diagonalises safely. So A = V(Λ − (V*P)(V*P)*)V*: diagonal minus rank one, with Λ = −½ + iω.',
    'lessons.s4.nplr.try': 'Look for the NPLR points on the line Re = −½ in the eigenvalue panel.',
    'lessons.s4.nplr.claim': 'N = {N}: computed Λ have |Re + ½| ≤ {re}; ω = {im}.',

    'lessons.s4.woodbury.title': 'Woodbury and the Cauchy kernel',
    'lessons.s4.woodbury.text':
      'With A diagonal minus rank one, the Woodbury identity (D − uv*)⁻¹ = D⁻¹ + D⁻¹u(1 − v*D⁻¹u)⁻¹v*D⁻¹ turns each resolvent into a few sums Σ a_i b_i/(g(ω) − λ_i) — Cauchy kernels — at the L roots of unity; an inverse FFT returns K.',
    'lessons.s4.woodbury.try':
      'Compare the DPLR and naive rows in the kernel panel’s table: same numbers, different cost.',
    'lessons.s4.woodbury.claim':
      'N = {N}, L = {L}: the DPLR kernel (Cauchy + Woodbury) differs from powering Ā by at most {err} (|K| up to {kmax}).',

    'lessons.s4.truncated.title': 'The truncated generating function',
    'lessons.s4.truncated.text':
      'Σ_(k<L) C Ā^k B̄ z^k = C(I − Ā^L)(I − zĀ)⁻¹B̄, and at z^L = 1 the factor is a constant: train C̃ = C(I − Ā^L) directly. Without the correction the L-point transform returns the aliased kernel, with the tail beyond L wrapped onto the start.',
    'lessons.s4.truncated.try':
      'Turn the C̃ correction on and off in the kernel panel and watch the start of K.',
    'lessons.s4.truncated.claim':
      'N = {N}, Δ = {dt}: ρ(Ā) = {rho}, so ρ^L = {rhoL} at L = {L} — the size of the wrap-around without C̃.',

    'lessons.s4.generating.title': 'Recurrence = convolution',
    'lessons.s4.generating.text':
      'Evaluate the generating function C̃(I − zĀ)⁻¹B̄ at the L roots of unity, inverse FFT, and you have K; then y = K ∗ u by a zero-padded FFT gives the same outputs as running the recurrence step by step.',
    'lessons.s4.generating.try': 'Read the equivalence meter: the two routes agree to rounding.',
    'lessons.s4.generating.claim':
      'N = {N}, L = {L}: the generating-function kernel differs from powering by at most {err} (|K| up to {kmax}).',

    'lessons.s4.s4d.title': 'S4D: diagonal after all',
    'lessons.s4.s4d.text':
      'Follow-ups (DSS, S4D, Mamba) drop the low-rank term and keep a diagonal A, initialised e.g. from LegS’s Λ or as S4D-Lin, λ_n = −½ + iπn. The kernel becomes a Vandermonde product — the machinery of S4 retires, the view of memory stays.',
    'lessons.s4.s4d.try': 'Compare the S4D row with DPLR in the kernel panel.',
    'lessons.s4.s4d.claim': 'S4D-Lin, N = {N}: Re λ = {re}; Im λ = {im} (0, π, 2π).',

    'lessons.rtf.rational.title': 'The generating function is rational',
    'lessons.rtf.rational.text':
      'C̃(I − zĀ)⁻¹B̄ is a ratio of polynomials: (I − zĀ)⁻¹ = adj/det, the determinant of degree d and the adjugate of degree d − 1. Its denominator’s coefficients a are those of det(λI − Ā), so the poles are Ā’s eigenvalues.',
    'lessons.rtf.rational.try':
      'Change Δ and N: a (and the poles) follow the discretised LegS system.',
    'lessons.rtf.rational.claim':
      'LegS N = {N}: det(λI − Ā) has a = {a}; its roots match Ā’s eigenvalues to {err}.',

    'lessons.rtf.statefree.title': 'The state-free kernel',
    'lessons.rtf.statefree.text':
      'At z = e^(−2iπl/L) numerator and denominator are FFTs of the padded coefficients: K = iFFT(FFT(b)/FFT(1, a)), O(L log L) whatever the state size. For given (a, b) this is the aliased response; reading b as b̃ = b(I − A^L) makes it exact.',
    'lessons.rtf.statefree.try': 'Raise L: the aliasing shrinks as the tail beyond L fades.',
    'lessons.rtf.statefree.claim':
      'L = {L}: FFT kernel vs the true impulse response, taps 1…L−1: {aliased} (aliased), {corrected} with b̃.',

    'lessons.rtf.flat.title': 'Cost flat in the state size',
    'lessons.rtf.flat.text':
      'RTF’s kernel costs two FFTs of length L whatever n (it needs n < L); S4’s DPLR route grows with N, naive powering with N·L. This is the RTF paper’s latency figure.',
    'lessons.rtf.flat.try':
      'Run the benchmark in the performance panel and compare the RTF and DPLR rows as N grows.',

    'lessons.rtf.companion.title': 'Companion form for inference',
    'lessons.rtf.companion.text':
      'To run RTF as a recurrence, take the companion matrix (first row −a, ones below the diagonal), B̄ = e₁, C = b: its characteristic polynomial is a’s, and each step costs O(n): x ← (u − ⟨a, x⟩, x₀, …, x_(n−2)).',
    'lessons.rtf.companion.try':
      'Edit a or b in the RTF panel; the companion check stays at rounding level.',
    'lessons.rtf.companion.claim':
      'n = {n}: the companion realisation’s kernel matches the impulse response h₁…h_L (L = {L}) to {err}.',

    'lessons.rtf.shift.title': 'a = 0: a shift register',
    'lessons.rtf.shift.text':
      'With a = 0 the companion state just holds the last n inputs, and the kernel is finite: h = (h₀, b₁, …, b_n, 0, …) — an FIR filter, so a CNN’s initialisation carries over. RTF initialises at a = 0.',
    'lessons.rtf.shift.try': 'Drag a pole away from 0 and watch the taps grow a tail.',
    'lessons.rtf.shift.claim': 'First taps of the impulse response: {h}.',

    'lessons.rtf.montel.title': 'Montel: a sufficient stability test',
    'lessons.rtf.montel.text':
      'If |a₁| + … + |a_n| < 1, every root of λⁿ + a₁λⁿ⁻¹ + … + a_n lies inside the unit circle: a root with |λ| > 1 would force 1 ≤ Σ|a_i||λ|⁻ⁱ < 1. Only sufficient: many stable systems break it, which is why RTF uses it only to initialise.',
    'lessons.rtf.montel.try':
      'Drag a pole outside the unit circle: the panel flags it as unstable.',
    'lessons.rtf.montel.claim': 'Σ|a_i| = {sum}; largest |pole| = {r}.',
  },
  zh: {
    'lessons.chapter.hippo': '1 · 线性系统与 HiPPO',
    'lessons.chapter.disc': '2 · 离散化与 LegS 的优良性质',
    'lessons.chapter.s4': '3 · S4：快速计算卷积核',
    'lessons.chapter.rtf': '4 · RTF：有理生成函数',

    'lessons.hippo.online.title': '用 N 个数记住历史',
    'lessons.hippo.online.text':
      'HiPPO 在线维护迄今所见一切的摘要：把 [0, t] 上的历史 u 投影到 N 个 Legendre 多项式上，每来一个样本就更新这 N 个系数 x(t)。蓝色曲线就是这 N 个数所描述的函数。',
    'lessons.hippo.online.try': '按 ▶ 播放，观察重建曲线跟随信号；然后拖动时间游标。',
    'lessons.hippo.online.claim': '读入 {k} 个样本后，状态仍只有 N = {N} 个数——它的大小从不增长。',

    'lessons.hippo.matrix.title': '为什么是线性 ODE',
    'lessons.hippo.matrix.text':
      '对投影系数关于 t 求导，结果恰好关于 x 和 u 是线性的：线性是推导出来的，而不是假设的。对 LegS（缩放到全部历史）有 x′ = (A/t) x + (B/t) u，其中 A_nk 在对角线下方为 −√((2n+1)(2k+1))，对角线上为 −(n+1)，上方为 0（第一篇，式 leg-s-hippo；HiPPO 论文）。',
    'lessons.hippo.matrix.try': '把鼠标悬停在 A 的某个元素上查看其公式；增大 N，规律依然成立。',
    'lessons.hippo.matrix.claim':
      '计算结果：A₁₀ = {a10}（−√3 = {s3}），A₂₁ = {a21}（−√15 = {s15}），对角线 {diag}。',

    'lessons.hippo.eig.title': 'LegS 的特征值是 −1 … −N',
    'lessons.hippo.eig.text':
      'A 是下三角矩阵，所以它的特征值就是对角线：−1, −2, …, −N，全是互不相同的实数。特征值求解器并不知道这一点，但照样把它们算了出来。',
    'lessons.hippo.eig.try': '改变 N：这些点始终落在负实轴的整数上。',
    'lessons.hippo.eig.claim': 'N = {N} 时计算得到的特征值：{eig}；虚部绝对值最大为 {im}。',

    'lessons.hippo.basis.title': '基函数与归一化',
    'lessons.hippo.basis.text':
      '重建为 Σ x_n √(2n+1) P_n(2s/t − 1)：每个系数给一个缩放后的 Legendre 多项式加权。HiPPO 论文在概率测度上归一化，B_n = √(2n+1)；博客在 [−1, 1] 上取基，得到 B = √2 × 论文值。A 相同，B 不同。',
    'lessons.hippo.basis.try': '把「约定 → 归一化」切换到 blog，观察 B 的变化。',
    'lessons.hippo.basis.claim': '计算得到的 B（{norm}）：{got}；公式：{want}。',

    'lessons.hippo.legt.title': 'LegT：滑动窗口',
    'lessons.hippo.legt.text':
      'LegT 只投影最近 θ 个时间单位，离开窗口的内容就被遗忘。它甚至在离散化之前就已是近似：离开窗口的值 u(t − θ) 用窗口最旧一端的重建值代替。它的特征值是左半平面内的共轭复数对。',
    'lessons.hippo.legt.try': '缩小 θ：窗口变窄，较早的起伏从重建中消失。',
    'lessons.hippo.legt.claim':
      'N = {N}，θ = {theta}：计算得到的特征值之和为 {sum} = trace A = −N²/θ = {trace}；虚部绝对值最大 {im}，实部最大 {reMax}。',

    'lessons.hippo.resolution.title': '分辨率与记忆长度',
    'lessons.hippo.resolution.text':
      'LegS 记住一切，但变得模糊：固定的 N 个数要描述越来越长的历史，细节随 t 增长而褪去——“站得更远，才能看清全貌”。要在同样质量下记得更久，就需要更大的状态；任何固定大小的线性记忆都逃不开这一点。',
    'lessons.hippo.resolution.try': '把 N 从 8 调到 64，观察 chirp 高频一端重新出现。',
    'lessons.hippo.resolution.claim': '现在 N = {N} 个数代表了 {k} 个样本的历史。',

    'lessons.disc.schemes.title': '迈出一步的四种方式',
    'lessons.disc.schemes.text':
      '把样本当作阶梯函数输入，在一个步长上积分：前向欧拉 Ā = I + ΔA，后向欧拉 (I − ΔA)⁻¹，双线性 (I − ΔA/2)⁻¹(I + ΔA/2)（S4 的选择，二阶精度），ZOH e^(ΔA)（对阶梯输入精确）。每种方法都把 A 的特征值 λ 映射为 Ā 的一个特征值。',
    'lessons.disc.schemes.try': '改变离散化方法和 Δ，观察 Ā 的特征值在单位圆内移动。',
    'lessons.disc.schemes.claim':
      'LegS N = {N}，Δ = {dt}，{disc}：Ā 的特征值 {got}；−1…−N 经映射得到 {want}（最大差 {err}）；谱半径 {rho}。',

    'lessons.disc.forward.title': '前向欧拉可能发散',
    'lessons.disc.forward.text':
      '前向欧拉把 λ = −j 映射为 1 − Δj，一旦 Δ > 2/N 就跑出单位圆。后向欧拉、双线性和 ZOH 则无论 Δ 取多少，都把稳定的 λ 映射到圆内。',
    'lessons.disc.forward.try': '把 Δ 降到 2/N = 0.25 以下，特征值回到圆内。',
    'lessons.disc.forward.claim':
      'LegS N = {N}，Δ = {dt}，{disc}：Ā 的谱半径 = {rho}（映射公式给出 {want}）。',

    'lessons.disc.zoh.title': 'ZOH：对阶梯输入精确',
    'lessons.disc.zoh.text':
      '输入在每一步内为常数时，常数变易法精确给出 Ā = e^(ΔA)，B̄ = A⁻¹(e^(ΔA) − I)B。它需要矩阵指数——只有 A 为对角阵时才便宜，这正是 Mamba 采用它的原因。',
    'lessons.disc.zoh.try': '在 Δ = 0.1 时比较 ZOH 与双线性的 Ā 热图：几乎一样。',
    'lessons.disc.zoh.claim':
      'LegS N = {N}，Δ = {dt}，{disc}：Ā 的特征值 {got}；e^(−Δj)：{want}（最大差 {err}）。',

    'lessons.disc.equivariance.title': 'LegS 与 Δ 无关',
    'lessons.disc.equivariance.text':
      '代入 t = ατ，LegS 的方程 x′ = (A/t)x + (B/t)u 不变：输入在时间上拉伸，状态也以同样方式拉伸（时间尺度等变性）。在离散递归里 Δ 被约掉——少了一个超参数。',
    'lessons.disc.equivariance.try': '移动 Δ：LegS 的系数完全不变。',
    'lessons.disc.equivariance.claim':
      '输入拉伸 2 倍（每个样本重复两次），N = {N}：t = 2k 与 t = k 时的状态最多相差 {err}（状态量级 {norm}）。',

    'lessons.disc.memory.title': '多项式衰减的记忆',
    'lessons.disc.memory.text':
      '从第 m 步到第 n 步，LegS 的精确传播矩阵是 e^((ln n − ln m)A)，特征值为 (m/n)^j：脉冲按 1/t 衰减，而不是指数衰减。S4 把同一个 A 放进线性时不变形式 x′ = Ax + Bu，每一步都按固定比例缩小——指数式遗忘。',
    'lessons.disc.memory.try': '观察脉冲的系数在热图中久久不散；再把测度切换为 LegT。',
    'lessons.disc.memory.claim':
      'N = {N}，t = 0 处的脉冲：L = 10, 100, 1000 时 L·‖x_L‖ 在 LegS 下为 {legs}（趋于平稳），在 Δ = {dt} 的线性时不变形式下为 {lti}（趋于零）。',

    'lessons.disc.fourier.title': '练习：傅里叶基',
    'lessons.disc.fourier.text':
      '为什么用多项式？关键一步是把每个基函数的导数精确地写成基的组合——多项式可以，e^(2iπns) 不行。对全部历史用傅里叶基仍得到 x′ = (A/t)x + (B/t)u，A_nk = −n/(n−k)，A_nn = iπn − 1，但要先截断一个级数：复数、非三角——“留作练习”。',
    'lessons.disc.fourier.try': '在基函数面板里看 FouT 的滑动窗口傅里叶基，以及它的矩阵。',
    'lessons.disc.fourier.claim':
      '{size}×{size} 的全历史傅里叶矩阵：特征值实部从 {lo} 到 {hi}；虚部绝对值最大 {im}。',

    'lessons.s4.lti.title': 'S4 把 LegS 放进线性时不变形式',
    'lessons.s4.lti.text':
      'S4 在 x′ = Ax + Bu 中使用 LegS 矩阵，以步长 Δ 做双线性离散化，并输出 y = Cx。卷积核 K_k = C Ā^k B̄ 把递归变成一次长卷积 y = K ∗ u，用 FFT 并行计算。',
    'lessons.s4.lti.try': '减小 Δ：卷积核变长——记忆长度按 1/Δ 增长。',
    'lessons.s4.lti.claim':
      'N = {N}，Δ = {dt}：ρ(Ā) = {rho}；(1 − Δ/2)/(1 + Δ/2) = {want}；L = {L} 时 ρ^L = {rhoL}。',

    'lessons.s4.diagonalise.title': '为什么不直接对角化？',
    'lessons.s4.diagonalise.text':
      '若 Ā 是对角阵，每个幂次都很简单。LegS 理论上可以对角化，但特征向量的数值跨度是指数级的：S4 给出的 V 含有 C(4i, 2i) ≈ 2^(4N/3) 这样的元素。在 float64 下，N 超过约 20 时特征向量就毫无用处。',
    'lessons.s4.diagonalise.try': '把 N 调到 16 和 24，在特征值面板里读出条件数。',
    'lessons.s4.diagonalise.claim':
      'N = {N}：特征向量条件数 {cond}；i = {i} 时的元素 C(4i, 2i)：{binom}。',

    'lessons.s4.nplr.title': '正规加低秩',
    'lessons.s4.nplr.text':
      '神来之笔：取 P_n = √(n + ½)，A + PPᵀ 等于 −½I 加一个反对称矩阵，而反对称矩阵可以被酉矩阵稳定地对角化。于是 A = V(Λ − (V*P)(V*P)*)V*：对角减秩一，Λ = −½ + iω。',
    'lessons.s4.nplr.try': '在特征值面板中找到 Re = −½ 直线上的 NPLR 点。',
    'lessons.s4.nplr.claim': 'N = {N}：计算得到的 Λ 满足 |Re + ½| ≤ {re}；ω = {im}。',

    'lessons.s4.woodbury.title': 'Woodbury 恒等式与 Cauchy 核',
    'lessons.s4.woodbury.text':
      'A 为对角减秩一时，Woodbury 恒等式 (D − uv*)⁻¹ = D⁻¹ + D⁻¹u(1 − v*D⁻¹u)⁻¹v*D⁻¹ 把每个预解式化成若干个和 Σ a_i b_i/(g(ω) − λ_i)——即 Cauchy 核——在 L 个单位根上求值；再做一次逆 FFT 就得到 K。',
    'lessons.s4.woodbury.try': '比较卷积核面板表格中 DPLR 与朴素方法两行：数值相同，代价不同。',
    'lessons.s4.woodbury.claim':
      'N = {N}，L = {L}：DPLR 卷积核（Cauchy + Woodbury）与直接求 Ā 的幂最多相差 {err}（|K| 最大 {kmax}）。',

    'lessons.s4.truncated.title': '截断的生成函数',
    'lessons.s4.truncated.text':
      'Σ_(k<L) C Ā^k B̄ z^k = C(I − Ā^L)(I − zĀ)⁻¹B̄，在 z^L = 1 处这个因子是常数：直接训练 C̃ = C(I − Ā^L)。不做修正时，L 点变换给出的是混叠后的卷积核，超出 L 的尾部被卷回开头。',
    'lessons.s4.truncated.try': '在卷积核面板中开关 C̃ 修正，观察 K 的开头。',
    'lessons.s4.truncated.claim':
      'N = {N}，Δ = {dt}：ρ(Ā) = {rho}，所以 L = {L} 时 ρ^L = {rhoL}——这就是没有 C̃ 时卷回部分的量级。',

    'lessons.s4.generating.title': '递归 = 卷积',
    'lessons.s4.generating.text':
      '在 L 个单位根上计算生成函数 C̃(I − zĀ)⁻¹B̄，做逆 FFT 得到 K；再用补零的 FFT 计算 y = K ∗ u，结果与逐步运行递归完全相同。',
    'lessons.s4.generating.try': '读等价性仪表：两条路线在舍入误差内一致。',
    'lessons.s4.generating.claim':
      'N = {N}，L = {L}：生成函数法的卷积核与直接求幂最多相差 {err}（|K| 最大 {kmax}）。',

    'lessons.s4.s4d.title': 'S4D：终究还是对角',
    'lessons.s4.s4d.text':
      '后续工作（DSS、S4D、Mamba）去掉了低秩项，只保留对角的 A，初始化例如取 LegS 的 Λ，或 S4D-Lin 的 λ_n = −½ + iπn。卷积核变成 Vandermonde 乘积——S4 的那套机制退场，对记忆的理解留了下来。',
    'lessons.s4.s4d.try': '在卷积核面板中比较 S4D 与 DPLR 两行。',
    'lessons.s4.s4d.claim': 'S4D-Lin，N = {N}：Re λ = {re}；Im λ = {im}（0, π, 2π）。',

    'lessons.rtf.rational.title': '生成函数是有理函数',
    'lessons.rtf.rational.text':
      'C̃(I − zĀ)⁻¹B̄ 是两个多项式之比：(I − zĀ)⁻¹ = 伴随矩阵/行列式，行列式为 d 次，伴随矩阵元素为 d − 1 次。分母的系数 a 就是 det(λI − Ā) 的系数，所以极点正是 Ā 的特征值。',
    'lessons.rtf.rational.try': '改变 Δ 和 N：a（以及极点）随离散化的 LegS 系统而变。',
    'lessons.rtf.rational.claim':
      'LegS N = {N}：det(λI − Ā) 给出 a = {a}；其根与 Ā 的特征值相差 {err}。',

    'lessons.rtf.statefree.title': '与状态无关的卷积核',
    'lessons.rtf.statefree.text':
      '在 z = e^(−2iπl/L) 处，分子和分母都是补零系数的 FFT：K = iFFT(FFT(b)/FFT(1, a))，代价 O(L log L)，与状态大小无关。对给定的 (a, b)，这是混叠后的响应；把 b 理解为 b̃ = b(I − A^L) 就变得精确。',
    'lessons.rtf.statefree.try': '增大 L：超出 L 的尾部衰减，混叠随之减小。',
    'lessons.rtf.statefree.claim':
      'L = {L}：FFT 卷积核与真实脉冲响应在第 1…L−1 个系数上相差 {aliased}（混叠），用 b̃ 后相差 {corrected}。',

    'lessons.rtf.flat.title': '代价与状态大小无关',
    'lessons.rtf.flat.text':
      'RTF 的卷积核只需两次长度为 L 的 FFT，与 n 无关（要求 n < L）；S4 的 DPLR 路线随 N 增长，直接求幂则随 N·L 增长。这就是 RTF 论文中的延迟图。',
    'lessons.rtf.flat.try': '在性能面板中运行基准测试，比较 N 增大时 RTF 与 DPLR 两行。',

    'lessons.rtf.companion.title': '用友矩阵做推理',
    'lessons.rtf.companion.text':
      '要把 RTF 当作递归运行，取友矩阵（第一行为 −a，对角线下方为 1），B̄ = e₁，C = b：它的特征多项式就是 a 对应的多项式，每步只需 O(n)：x ← (u − ⟨a, x⟩, x₀, …, x_(n−2))。',
    'lessons.rtf.companion.try': '在 RTF 面板中编辑 a 或 b；友矩阵检验始终在舍入误差水平。',
    'lessons.rtf.companion.claim':
      'n = {n}：友矩阵实现的卷积核与脉冲响应 h₁…h_L（L = {L}）相差 {err}。',

    'lessons.rtf.shift.title': 'a = 0：移位寄存器',
    'lessons.rtf.shift.text':
      'a = 0 时，友矩阵的状态只是保存最近 n 个输入，卷积核是有限长的：h = (h₀, b₁, …, b_n, 0, …)——一个 FIR 滤波器，因此 CNN 的初始化可以直接沿用。RTF 正是在 a = 0 处初始化。',
    'lessons.rtf.shift.try': '把一个极点从 0 拖开，观察卷积核长出尾巴。',
    'lessons.rtf.shift.claim': '脉冲响应的前几个系数：{h}。',

    'lessons.rtf.montel.title': 'Montel：一个充分的稳定性判据',
    'lessons.rtf.montel.text':
      '若 |a₁| + … + |a_n| < 1，则 λⁿ + a₁λⁿ⁻¹ + … + a_n 的所有根都在单位圆内：若有根 |λ| > 1，就会得出 1 ≤ Σ|a_i||λ|⁻ⁱ < 1 的矛盾。它只是充分条件：许多稳定系统并不满足它，所以 RTF 只用它来初始化。',
    'lessons.rtf.montel.try': '把一个极点拖到单位圆外：面板会把它标为不稳定。',
    'lessons.rtf.montel.claim': 'Σ|a_i| = {sum}；最大 |极点| = {r}。',
  },
} satisfies Bundle;
