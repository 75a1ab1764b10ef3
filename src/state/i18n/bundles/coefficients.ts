import type { Bundle } from './types';

export default {
  en: {
    'coef.title': 'Coefficients over time',
    'coef.caption':
      'LegS keeps everything: its coefficients settle and change ever more slowly and smoothly. LegT sees only the window [t − θ, t]: its coefficients keep oscillating as the window slides. Rows are n, columns time; click or drag to move the cursor.',
    'coef.hm.legs': 'LegS · all of [0, t]',
    'coef.hm.legt': 'LegT · last θ = {theta}',
    'coef.aria.heatmap': '{m} coefficients x_n(t) as a heatmap: rows n, columns time',
    'coef.failed': 'Could not compute {m}: {error}',
    'coef.computing': 'computing {m} states… {pct}%',
    'coef.legend.log': 'signed log, {decades} decades below ±r',
    'coef.legend.linear': '±r = 99th percentile of |x|',
    'coef.legend.cursor': 'cursor · bar: memory window',
    'coef.scale.help':
      'Colour scale: linear in x, or signed log10|x| (shows the small high-order coefficients)',
    'coef.scale.log': 'colour: log',
    'coef.scale.linear': 'colour: linear',
    'coef.row': 'One row over time, n = {n} (hover a row to pick n):',
    'coef.aria.row': 'Coefficient {n} over time, LegS and LegT',
    'coef.readout.legsHelp': 'LegS coefficient n at the cursor (core legsRun)',
    'coef.readout.legtHelp': 'LegT coefficient n at the cursor (core discretize + recurrence)',
    'coef.readout.hoverHelp': 'the coefficient under the pointer',
    'coef.readout.window': 'LegT window',
  },
  zh: {
    'coef.title': '系数随时间的变化',
    'coef.caption':
      'LegS 保留一切：它的系数逐渐稳定，变化越来越慢、越来越平滑。LegT 只看窗口 [t − θ, t]：随着窗口滑动，它的系数不断振荡。行是 n，列是时间；点击或拖动可移动时间游标。',
    'coef.hm.legs': 'LegS · 整个 [0, t]',
    'coef.hm.legt': 'LegT · 最近的 θ = {theta}',
    'coef.aria.heatmap': '{m} 系数 x_n(t) 的热力图：行为 n，列为时间',
    'coef.failed': '无法计算 {m}：{error}',
    'coef.computing': '正在计算 {m} 的状态… {pct}%',
    'coef.legend.log': '带符号对数，±r 以下 {decades} 个数量级',
    'coef.legend.linear': '±r = |x| 的第 99 百分位数',
    'coef.legend.cursor': '游标 · 横条：记忆窗口',
    'coef.scale.help': '颜色刻度：x 的线性刻度，或带符号的 log10|x|（可看到很小的高阶系数）',
    'coef.scale.log': '颜色：对数',
    'coef.scale.linear': '颜色：线性',
    'coef.row': '某一行随时间的变化，n = {n}（悬停在某一行上可选择 n）：',
    'coef.aria.row': '系数 {n} 随时间的变化，LegS 与 LegT',
    'coef.readout.legsHelp': '游标处 LegS 的第 n 个系数（core legsRun）',
    'coef.readout.legtHelp': '游标处 LegT 的第 n 个系数（core 离散化 + 递推）',
    'coef.readout.hoverHelp': '指针下的系数',
    'coef.readout.window': 'LegT 窗口',
  },
} satisfies Bundle;
