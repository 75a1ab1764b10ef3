import type { Bundle } from './types';

export default {
  en: {
    'basis.title': 'Basis & projection',
    'basis.caption':
      'The memory is a weighted sum: each basis function φ_n times its coefficient x_n; they add up to the reconstruction. Hover a curve or a bar to pick one out.',
    'basis.axis.lagt': 'time τ  (LagT weighs it by exp(−(t − τ)))',
    'basis.axis.window': 'time τ in the window [{a}, {b}]',
    'basis.axis.terms': 'terms kept m (first m of N)',
    'basis.axis.mse': 'MSE (log)',
    'basis.empty': 'No coefficients to show: the states blew up (see the warning).',
    'basis.noCoefficients': 'no coefficients',
    'basis.errorUndefined': 'the error is 0 or undefined here',
    'basis.legend.terms': 'x_n φ_n(s), all {N} (strongest {strong} bold, labelled n)',
    'basis.legend.sum': 'sum = reconstruction',
    'basis.aria.main': 'Basis functions weighted by the coefficients, and their sum',
    'basis.aria.bars': 'Bar chart of the coefficients x_n',
    'basis.aria.error': 'Mean squared error of the first m terms, log scale',
    'basis.fig.bars': 'Coefficients x_n at the cursor',
    'basis.fig.error': 'Error of the first m terms, live',
    'basis.note':
      'Right: the mean squared error over the window when only the first m coefficients are kept.',
    'basis.note.exact':
      'For {m} (A is lower triangular) that is exactly the m-term projection, i.e. what an m-state memory holds.',
    'basis.note.approx':
      'For {m} it only approximates an m-state memory: the closure at the window edge couples all N coefficients.',
    'basis.readout.sum': 'Σ at now =',
    'basis.readout.sumHelp': 'the sum of the N terms at the newest point of the window',
    'basis.readout.mse': 'MSE (all N) =',
    'basis.readout.mseHelp':
      'mean squared error over the window of the full sum (the signal panel’s MSE)',
    'basis.readout.hoverHelp': 'the hovered coefficient (hover a curve, a bar or the error curve)',
    'basis.readout.mseFirst': 'MSE (first n+1) =',
    'basis.readout.mseFirstHelp': 'error of the sum of the first n+1 terms, n the hovered index',
    'basis.huge':
      'The coefficients are astronomically large (max |x_n| = {cx} for |u| ≤ {cu}): the {method} scheme amplified them, so this memory is meaningless. Choose bilinear or ZOH.',
  },
  zh: {
    'basis.title': '基函数与投影',
    'basis.caption':
      '记忆是一个加权和：每个基函数 φ_n 乘以它的系数 x_n，加起来就是重建。悬停在曲线或柱条上可单独查看一项。',
    'basis.axis.lagt': '时间 τ（LagT 按 exp(−(t − τ)) 加权）',
    'basis.axis.window': '窗口 [{a}, {b}] 内的时间 τ',
    'basis.axis.terms': '保留的项数 m（N 项中的前 m 项）',
    'basis.axis.mse': '均方误差（对数）',
    'basis.empty': '没有可显示的系数：状态发散了（见警告）。',
    'basis.noCoefficients': '没有系数',
    'basis.errorUndefined': '此处误差为 0 或无定义',
    'basis.legend.terms': 'x_n φ_n(s)，共 {N} 项（最强的 {strong} 项加粗，并标注 n）',
    'basis.legend.sum': '求和 = 重建',
    'basis.aria.main': '按系数加权的基函数及其和',
    'basis.aria.bars': '系数 x_n 的柱状图',
    'basis.aria.error': '前 m 项的均方误差，对数刻度',
    'basis.fig.bars': '游标处的系数 x_n',
    'basis.fig.error': '前 m 项的误差（实时）',
    'basis.note': '右图：只保留前 m 个系数时，在窗口上的均方误差。',
    'basis.note.exact':
      '对 {m}（A 为下三角矩阵）而言，这恰好是 m 项投影，即 m 维状态的记忆所保存的内容。',
    'basis.note.approx':
      '对 {m} 而言，这只是 m 维状态记忆的近似：窗口边缘的闭合条件把全部 N 个系数耦合在一起。',
    'basis.readout.sum': '当前时刻的 Σ =',
    'basis.readout.sumHelp': 'N 项之和在窗口最新一点处的值',
    'basis.readout.mse': '均方误差（全部 N 项）=',
    'basis.readout.mseHelp': '完整和在窗口上的均方误差（即信号面板中的 MSE）',
    'basis.readout.hoverHelp': '悬停的系数（悬停在曲线、柱条或误差曲线上）',
    'basis.readout.mseFirst': '均方误差（前 n+1 项）=',
    'basis.readout.mseFirstHelp': '前 n+1 项之和的误差，n 为悬停的序号',
    'basis.huge':
      '系数大得离谱（|u| ≤ {cu} 时 max |x_n| = {cx}）：{method}格式把它们放大了，这样的记忆毫无意义。请选择双线性或 ZOH。',
  },
} satisfies Bundle;
