import type { Bundle } from './types';

export default {
  en: {
    'mat.title': 'Matrices',
    'mat.caption':
      '{words}; for small Δ, Ā stays close to I and B̄ ≈ ΔB. Hover an entry for its value, formula and source.',
    'mat.words.legs': 'LegS: lower triangular, growing down the diagonal',
    'mat.words.legt': 'LegT: dense, with a checkerboard of signs above the diagonal',
    'mat.words.lmu': 'LMU: LegT with rows rescaled (no square roots)',
    'mat.words.lagt': 'LagT: −1 on and below the diagonal',
    'mat.words.fout': 'FouT: rank one plus 2×2 rotations',
    'mat.overflow': 'The {disc} discretisation overflowed at Δ = {dt} (Ā has non-finite entries).',
    'mat.failed': 'The {disc} discretisation failed at Δ = {dt}: {error}',
    'mat.axis': 'column k (index) · row n (index) ↓',
    'mat.legend.log': 'signed log, {decades} decades below each ±max',
    'mat.legend.linear': 'each matrix to its own ±max',
    'mat.scale.help': 'Colour scale: linear, or signed log10|entry| (shows small entries)',
    'mat.unstable':
      'ρ(Ā) = {rho} ≥ 1: this discrete system is unstable — its state grows like ρ(Ā)ᵏ.',
    'mat.unstable.forward':
      'Forward Euler needs |1 + Δλ| < 1 for every eigenvalue λ of A; at Δ = {dt} the fastest modes overshoot. Make Δ smaller, or use backward Euler, bilinear or ZOH.',
    'mat.unstable.other': 'Some eigenvalue of A has a non-negative real part here.',
    'mat.marginal':
      'ρ(Ā) = 1 to rounding: some modes neither decay nor grow (eigenvalues of A on the imaginary axis map onto the unit circle), so errors are never forgotten.',
    'mat.aria': 'Heatmaps of A, B, Ā and B̄',
    'mat.note.legs':
      'LegS here is the LTI system x′ = Ax + Bu that S4 uses; the memory panels run it time-varying, (A/t).',
    'mat.note.lagt':
      'LagT follows the HiPPO paper (A = −tril(1)); the S4 code puts ½ on the diagonal instead.',
    'mat.note.window': 'Window θ = {theta}: A and B scale as 1/θ.',
    'mat.formula': 'formula of the entry',
    'mat.source': 'Source: {source}',
    'mat.hint.failed': 'Nothing to inspect until the discretisation succeeds.',
    'mat.hint':
      'Hover an entry of A, B, Ā or B̄ for its value, formula (with the live numbers) and source.',
    'mat.readout.rho': 'spectral radius of Ā: the largest |eigenvalue| (core eigenvalues)',
    'mat.readout.normA': 'Frobenius norm of A',
    'mat.readout.normAb': 'Frobenius norm of Ā (√N for Ā = I)',
  },
  zh: {
    'mat.title': '矩阵',
    'mat.caption':
      '{words}；Δ 很小时，Ā 接近 I，B̄ ≈ ΔB。悬停在某个元素上可查看它的数值、公式和出处。',
    'mat.words.legs': 'LegS：下三角矩阵，沿对角线向下增大',
    'mat.words.legt': 'LegT：稠密矩阵，对角线以上的符号呈棋盘状交替',
    'mat.words.lmu': 'LMU：行经过重新缩放的 LegT（没有平方根）',
    'mat.words.lagt': 'LagT：对角线及其下方全为 −1',
    'mat.words.fout': 'FouT：秩一矩阵加上 2×2 旋转块',
    'mat.overflow': '{disc}离散化在 Δ = {dt} 时溢出（Ā 含有非有限值）。',
    'mat.failed': '{disc}离散化在 Δ = {dt} 时失败：{error}',
    'mat.axis': '列 k（序号）· 行 n（序号）↓',
    'mat.legend.log': '带符号对数，各自 ±max 以下 {decades} 个数量级',
    'mat.legend.linear': '每个矩阵按各自的 ±max 着色',
    'mat.scale.help': '颜色刻度：线性，或带符号的 log10|元素|（可看到很小的元素）',
    'mat.unstable': 'ρ(Ā) = {rho} ≥ 1：这个离散系统不稳定——状态按 ρ(Ā)ᵏ 增长。',
    'mat.unstable.forward':
      '前向欧拉要求 A 的每个特征值 λ 都满足 |1 + Δλ| < 1；在 Δ = {dt} 时最快的模态越界了。请减小 Δ，或改用后向欧拉、双线性或 ZOH。',
    'mat.unstable.other': '此时 A 有实部非负的特征值。',
    'mat.marginal':
      '在舍入误差范围内 ρ(Ā) = 1：有些模态既不衰减也不增长（A 在虚轴上的特征值被映射到单位圆上），因此误差永远不会被遗忘。',
    'mat.aria': 'A、B、Ā 和 B̄ 的热力图',
    'mat.note.legs':
      '这里的 LegS 是 S4 使用的线性时不变系统 x′ = Ax + Bu；记忆面板中按时变系统 (A/t) 运行。',
    'mat.note.lagt': 'LagT 沿用 HiPPO 论文（A = −tril(1)）；S4 的代码则在对角线上取 ½。',
    'mat.note.window': '窗口 θ = {theta}：A 和 B 按 1/θ 缩放。',
    'mat.formula': '该元素的公式',
    'mat.source': '出处：{source}',
    'mat.hint.failed': '离散化成功之前没有可查看的内容。',
    'mat.hint': '悬停在 A、B、Ā 或 B̄ 的某个元素上，可查看它的数值、公式（代入实时数值）和出处。',
    'mat.readout.rho': 'Ā 的谱半径：最大的 |特征值|（core eigenvalues）',
    'mat.readout.normA': 'A 的 Frobenius 范数',
    'mat.readout.normAb': 'Ā 的 Frobenius 范数（Ā = I 时为 √N）',
  },
} satisfies Bundle;
