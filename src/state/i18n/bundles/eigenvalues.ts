import type { Bundle } from './types';

export default {
  en: {
    'eig.title': 'Eigenvalues',
    'eig.caption':
      'Δ slides every eigenvalue of Ā along the map of the discretisation: a stable system stays left of the imaginary axis (s) and inside the unit circle (z). Hover a mark for its value.',
    'eig.symlogSuffix': '  (symlog)',
    'eig.region.s': 'Re s > 0: grows',
    'eig.region.z': '|z| > 1: grows',
    'eig.aria.s': 'Eigenvalues of A in the s-plane',
    'eig.aria.z': 'Eigenvalues of Ā in the z-plane',
    'eig.set.A': 'eigenvalue of A',
    'eig.set.nplr': 'NPLR Λ (normal part of LegS)',
    'eig.set.lin': 'S4D-Lin',
    'eig.set.inv': 'S4D-Inv',
    'eig.set.legs': 'S4D-LegS',
    'eig.set.real': 'S4D-Real',
    'eig.marks': 'Marks',
    'eig.legend.A': 'A ({m}, N = {n})',
    'eig.nplr': 'NPLR Λ of LegS',
    'eig.nplr.help':
      "LegS = V diag(Λ) V* − PPᵀ: the normal part's eigenvalues Λ = −½ + iω (core.nplr), the diagonal of S4's DPLR form",
    'eig.s4d': 'S4D init:',
    'eig.s4d.help':
      'S4D initialisations (core.s4dInit): one eigenvalue per conjugate pair, both drawn',
    'eig.symlog': 'symlog s-plane',
    'eig.symlog.help':
      'Symmetric-log axes on the s-plane, sign(x)·log10(1 + |x|): eigenvalues from −1 to −1000 all visible',
    'eig.plane.s': 's-plane: eigenvalues λ of A',
    'eig.plane.z': 'z-plane: eigenvalues of Ā',
    'eig.computing': 'Computing the eigenvalues of A (QR, N = {n})…',
    'eig.dropped.one': '{n} eigenvalue came out non-finite and is not drawn.',
    'eig.dropped.many': '{n} eigenvalues came out non-finite and are not drawn.',
    'eig.source.diagonal': 'A is triangular: its diagonal, exact',
    'eig.source.qr': 'QR in float64 (core.eigenvalues)',
    'eig.readout.rhoHelp': 'Spectral radius of Ā: the slowest mode decays like ρ^k',
    'eig.readout.memory': 'memory ≈',
    'eig.readout.memoryHelp': '−1/ln ρ: steps for the slowest mode to fall by a factor e',
    'eig.readout.steps': '{n} steps',
    'eig.readout.grows': 'none: it grows',
    'eig.readout.never': '∞: never decays',
    'eig.readout.sourceHelp': 'How the eigenvalues of A were obtained',
    'eig.readout.condHelp':
      "Condition number of A's eigenvector matrix (unit columns, 2-norm) {words}",
    'eig.cond.measuring': 'Measuring the eigenvector condition number…',
    'eig.cond.benign':
      "{m}'s eigenvectors are benign: cond(V) {words} at N = {n}, so a diagonal form would be safe here — unlike LegS, whose V is catastrophically conditioned (REFERENCE §3.7).",
    'eig.cond.whyNot':
      "Why {m} is not diagonalised numerically: A = VΛV⁻¹ needs an eigenvector matrix V whose condition number {words}. S4's NPLR form diagonalises only the normal part, with a unitary V (REFERENCE §3.7, §3.9).",
    'eig.cond.whyNotAtN':
      "Why {m} is not diagonalised numerically: A = VΛV⁻¹ needs an eigenvector matrix V whose condition number {words} at N = {n}. S4's NPLR form diagonalises only the normal part, with a unitary V (REFERENCE §3.7, §3.9).",
    'eig.cond.defective':
      'is infinite: A = −tril(1) has the single eigenvalue −1 in one Jordan block of size {n}, so there is no eigenvector basis at all',
    'eig.cond.quote': ' (it is {a} at N = 8 and {b} at N = 16)',
    'eig.cond.exceeds16': 'exceeds 10^16, more than float64 can even measure{quote}',
    'eig.cond.exceeds14': 'exceeds 10^14, beyond what float64 can measure reliably{quote}',
    'eig.cond.dependent': 'is infinite in float64 (the computed eigenvectors are dependent)',
    'eig.cond.limit': "is about {v}, at float64's limit (the true value is larger)",
    'eig.cond.measured': 'is {v}',
    'eig.w.sUnstable.one':
      '{n} eigenvalue of A in the right half-plane (Re s > 0): the continuous system grows.',
    'eig.w.sUnstable.many':
      '{n} eigenvalues of A in the right half-plane (Re s > 0): the continuous system grows.',
    'eig.w.sMarginal.one':
      '{n} eigenvalue of A on the imaginary axis (Re s = 0): a mode that never decays.',
    'eig.w.sMarginal.many':
      '{n} eigenvalues of A on the imaginary axis (Re s = 0): modes that never decay.',
    'eig.w.zUnstable.one':
      '{n} eigenvalue of Ā outside the unit circle (|z| > 1, up to {rho}): the recurrence blows up.{why}',
    'eig.w.zUnstable.many':
      '{n} eigenvalues of Ā outside the unit circle (|z| > 1, up to {rho}): the recurrence blows up.{why}',
    'eig.w.forwardWhy':
      ' Forward Euler maps λ to 1 + Δλ, which leaves the unit circle once Δ|λ| is large: Δ = {dt} is too big.',
    'eig.w.zMarginal.one':
      '{n} eigenvalue of Ā on the unit circle (|z| = 1): the recurrence never forgets that mode.',
    'eig.w.zMarginal.many':
      '{n} eigenvalues of Ā on the unit circle (|z| = 1): the recurrence never forgets those modes.',
  },
  zh: {
    'eig.title': '特征值',
    'eig.caption':
      'Δ 让 Ā 的每个特征值沿着离散化映射滑动：稳定的系统保持在虚轴左侧（s 平面）和单位圆内（z 平面）。悬停在标记上可查看数值。',
    'eig.symlogSuffix': '（对称对数）',
    'eig.region.s': 'Re s > 0：增长',
    'eig.region.z': '|z| > 1：增长',
    'eig.aria.s': 'A 在 s 平面上的特征值',
    'eig.aria.z': 'Ā 在 z 平面上的特征值',
    'eig.set.A': 'A 的特征值',
    'eig.set.nplr': 'NPLR Λ（LegS 的正规部分）',
    'eig.set.lin': 'S4D-Lin',
    'eig.set.inv': 'S4D-Inv',
    'eig.set.legs': 'S4D-LegS',
    'eig.set.real': 'S4D-Real',
    'eig.marks': '标记',
    'eig.legend.A': 'A（{m}，N = {n}）',
    'eig.nplr': 'LegS 的 NPLR Λ',
    'eig.nplr.help':
      'LegS = V diag(Λ) V* − PPᵀ：正规部分的特征值 Λ = −½ + iω（core.nplr），即 S4 的 DPLR 形式中的对角部分',
    'eig.s4d': 'S4D 初始化：',
    'eig.s4d.help': 'S4D 初始化（core.s4dInit）：每对共轭特征值存一个，两个都画出',
    'eig.symlog': 's 平面用对称对数',
    'eig.symlog.help':
      's 平面使用对称对数坐标 sign(x)·log10(1 + |x|)：从 −1 到 −1000 的特征值都能看到',
    'eig.plane.s': 's 平面：A 的特征值 λ',
    'eig.plane.z': 'z 平面：Ā 的特征值',
    'eig.computing': '正在计算 A 的特征值（QR，N = {n}）…',
    'eig.dropped.one': '有 {n} 个特征值不是有限值，未画出。',
    'eig.dropped.many': '有 {n} 个特征值不是有限值，未画出。',
    'eig.source.diagonal': 'A 是三角矩阵：取其对角线，精确',
    'eig.source.qr': 'float64 下的 QR 算法（core.eigenvalues）',
    'eig.readout.rhoHelp': 'Ā 的谱半径：最慢的模态按 ρ^k 衰减',
    'eig.readout.memory': '记忆 ≈',
    'eig.readout.memoryHelp': '−1/ln ρ：最慢的模态衰减到 1/e 所需的步数',
    'eig.readout.steps': '{n} 步',
    'eig.readout.grows': '无：它在增长',
    'eig.readout.never': '∞：永不衰减',
    'eig.readout.sourceHelp': 'A 的特征值是如何求得的',
    'eig.readout.condHelp': 'A 的特征向量矩阵（单位列向量，2-范数）的条件数{words}',
    'eig.cond.measuring': '正在测量特征向量矩阵的条件数…',
    'eig.cond.benign':
      '{m} 的特征向量性质良好：N = {n} 时 cond(V) {words}，因此这里对角化是安全的——不像 LegS，它的 V 条件数极差（REFERENCE §3.7）。',
    'eig.cond.whyNot':
      '为什么不对 {m} 做数值对角化：A = VΛV⁻¹ 需要特征向量矩阵 V，而它的条件数{words}。S4 的 NPLR 形式只对正规部分做对角化，用的是酉矩阵 V（REFERENCE §3.7、§3.9）。',
    'eig.cond.whyNotAtN':
      '为什么不对 {m} 做数值对角化：A = VΛV⁻¹ 需要特征向量矩阵 V，而 N = {n} 时它的条件数{words}。S4 的 NPLR 形式只对正规部分做对角化，用的是酉矩阵 V（REFERENCE §3.7、§3.9）。',
    'eig.cond.defective':
      '为无穷大：A = −tril(1) 只有一个特征值 −1，位于一个大小为 {n} 的若尔当块中，根本不存在特征向量基',
    'eig.cond.quote': '（N = 8 时为 {a}，N = 16 时为 {b}）',
    'eig.cond.exceeds16': '超过 10^16，float64 甚至无法测量{quote}',
    'eig.cond.exceeds14': '超过 10^14，超出 float64 可靠测量的范围{quote}',
    'eig.cond.dependent': '在 float64 下为无穷大（算出的特征向量线性相关）',
    'eig.cond.limit': '约为 {v}，已到 float64 的极限（真实值更大）',
    'eig.cond.measured': '为 {v}',
    'eig.w.sUnstable.one': 'A 有 {n} 个特征值在右半平面（Re s > 0）：连续系统会增长。',
    'eig.w.sUnstable.many': 'A 有 {n} 个特征值在右半平面（Re s > 0）：连续系统会增长。',
    'eig.w.sMarginal.one': 'A 有 {n} 个特征值在虚轴上（Re s = 0）：存在永不衰减的模态。',
    'eig.w.sMarginal.many': 'A 有 {n} 个特征值在虚轴上（Re s = 0）：存在永不衰减的模态。',
    'eig.w.zUnstable.one':
      'Ā 有 {n} 个特征值在单位圆外（|z| > 1，最大到 {rho}）：递推会发散。{why}',
    'eig.w.zUnstable.many':
      'Ā 有 {n} 个特征值在单位圆外（|z| > 1，最大到 {rho}）：递推会发散。{why}',
    'eig.w.forwardWhy':
      '前向欧拉把 λ 映射为 1 + Δλ，一旦 Δ|λ| 较大就会离开单位圆：Δ = {dt} 太大了。',
    'eig.w.zMarginal.one': 'Ā 有 {n} 个特征值在单位圆上（|z| = 1）：递推永远不会忘记这个模态。',
    'eig.w.zMarginal.many': 'Ā 有 {n} 个特征值在单位圆上（|z| = 1）：递推永远不会忘记这些模态。',
  },
} satisfies Bundle;
