/** Messages produced by the derived selectors (state/derived*.ts), translated by the panels. */
import type { Bundle } from './types';

export default {
  en: {
    'state.method.exact': 'exact (log-time ZOH)',
    'state.method.forward': 'forward Euler',
    'state.method.bilinear': 'bilinear',
    'state.legsBlowUp':
      'LegS with {method} blew up: its first steps multiply the state by I + A/k, whose eigenvalues 1 − j/k reach −{reach} (states up to {xmax}). Use bilinear or ZOH.',
    'state.legsForwardBlowUp': 'LegS with forward Euler blew up (its first steps are unstable).',
    'state.unstable': 'The {disc} discretisation is unstable at Δ = {dt}: the states blew up.',
    'state.rtf.tooLarge':
      'Conversion needs N ≤ {max} (the RTF coefficients are at most {max} numbers); the S4 system has N = {N}.',
    'state.rtf.tooBig':
      "ssToTf gives coefficients up to {big}, beyond the lab's range ±{limit} (poles crowding near z = 1 make a ≈ binomial coefficients). Try a smaller N or a larger Δ.",
    'state.rtf.converted':
      'Converted the N = {N} S4 system: a = characteristic polynomial of Ā, b from its Markov parameters, h0 = D.',
    'state.rtf.rootOfUnity':
      'A pole lies on the unit circle at an {L}-th root of unity, so the FFT kernel divides by zero there (the response never decays). Move the pole off the circle.',
    'state.rtf.needTaps':
      'The kernel needs more taps than the order: L = {L} must exceed n = {n}. Raise L.',
    'state.rtf.refused': 'The core refused these coefficients: {error}',
  },
  zh: {
    'state.method.exact': '精确（对数时间 ZOH）',
    'state.method.forward': '前向欧拉',
    'state.method.bilinear': '双线性',
    'state.legsBlowUp':
      'LegS 在{method}下发散：最初几步把状态乘以 I + A/k，其特征值 1 − j/k 可达 −{reach}（状态最大到 {xmax}）。请改用双线性或 ZOH。',
    'state.legsForwardBlowUp': 'LegS 在前向欧拉下发散（最初几步不稳定）。',
    'state.unstable': '{disc}离散化在 Δ = {dt} 时不稳定：状态发散了。',
    'state.rtf.tooLarge': '转换要求 N ≤ {max}（RTF 系数最多 {max} 个）；当前 S4 系统的 N = {N}。',
    'state.rtf.tooBig':
      'ssToTf 得到的系数最大达 {big}，超出本实验室的范围 ±{limit}（极点挤在 z = 1 附近时，a 近似为二项式系数）。请减小 N 或增大 Δ。',
    'state.rtf.converted':
      '已转换 N = {N} 的 S4 系统：a 为 Ā 的特征多项式，b 由其马尔可夫参数得到，h0 = D。',
    'state.rtf.rootOfUnity':
      '有一个极点位于单位圆上的 {L} 次单位根处，FFT 卷积核在那里要除以零（响应永不衰减）。请把极点移离单位圆。',
    'state.rtf.needTaps': '卷积核的抽头数必须多于阶数：L = {L} 必须大于 n = {n}。请增大 L。',
    'state.rtf.refused': 'core 拒绝了这些系数：{error}',
  },
} satisfies Bundle;
