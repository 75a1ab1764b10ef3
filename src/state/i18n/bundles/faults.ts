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
  },
} satisfies Bundle;
