import type { Bundle } from './types';

/** Faults and numerical edge cases: panel errors, the last good view, the worker, overflow. */
export default {
  en: {
    'faults.panelError': 'This panel hit an error: {message}',
    'faults.resetPanel': 'Reset panel',
    'faults.lastGood':
      'The last good view, dimmed: the current parameters give no finite numbers to draw.',
    'faults.workerCrashed':
      'The compute worker crashed ({message}). It was restarted and the numbers were computed again.',
    'faults.dismiss': 'Dismiss',
    'faults.rtfOverflow':
      'The exact response overflows from tap {k} on: a pole lies outside the unit circle (largest |z| = {radius}), so h_k grows like |z|^k past what float64 can hold. The plot keeps the last finite view.',
    'faults.companionOverflow':
      'Āᵏ overflows float64 from k = {k} on (a pole outside the unit circle), so the check has no number to show.',
    'faults.legsBlewUp':
      'LegS with {method} blew up: its first steps multiply the state by I + A/k, whose eigenvalues 1 − j/k reach −{reach} (states up to {size}). Use bilinear or ZOH.',
    'faults.legsForwardBlewUp': 'LegS with forward Euler blew up (its first steps are unstable).',
    'faults.discUnstable': 'The {disc} discretisation is unstable at Δ = {dt}: the states blew up.',
    'faults.statesBlewUp':
      'The states blew up at these settings ({method}, Δ = {dt}): there is nothing finite to draw. The plot keeps the last finite view.',
  },
  zh: {
    'faults.panelError': '此面板出错：{message}',
    'faults.resetPanel': '重置面板',
    'faults.lastGood': '上一个有效视图（变暗显示）：当前参数算不出可绘制的有限数值。',
    'faults.workerCrashed': '计算 worker 崩溃了（{message}）。它已重新启动，数值已重新计算。',
    'faults.dismiss': '关闭',
    'faults.rtfOverflow':
      '精确响应从第 {k} 个抽头起溢出：有极点位于单位圆外（最大 |z| = {radius}），h_k 按 |z|^k 增长，超出 float64 的表示范围。图中保留上一个有限的视图。',
    'faults.companionOverflow':
      'Āᵏ 从 k = {k} 起溢出 float64（有极点在单位圆外），因此这项检验给不出数值。',
    'faults.legsBlewUp':
      'LegS 用 {method} 时发散了：最初几步把状态乘以 I + A/k，其特征值 1 − j/k 低至 −{reach}（状态大到 {size}）。请改用双线性或 ZOH。',
    'faults.legsForwardBlewUp': 'LegS 用前向欧拉时发散了（最初几步不稳定）。',
    'faults.discUnstable': '{disc} 离散化在 Δ = {dt} 时不稳定：状态发散了。',
    'faults.statesBlewUp':
      '在这组设置下状态发散了（{method}，Δ = {dt}）：没有有限的数值可画。图中保留上一个有限的视图。',
  },
} satisfies Bundle;
