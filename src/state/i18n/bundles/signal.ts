import type { Bundle } from './types';

export default {
  en: {
    'signal.title': 'Memory window',
    'signal.caption':
      '{words}. Drag to move the cursor; press Draw to sketch your own signal.',
    'signal.window.legs': 'LegS remembers all of [0, t], blurred more as t grows',
    'signal.window.legt': 'LegT remembers the window [t − θ, t] and forgets what left it',
    'signal.window.lmu': 'LMU (LegT up to signs) remembers the window [t − θ, t]',
    'signal.window.lagt': 'LagT weighs the past by e^{−age}: recent samples count most',
    'signal.window.fout': 'FouT keeps a Fourier series of the window [t − θ, t]',
    'signal.legend.input': 'input u',
    'signal.legend.recon': 'reconstruction from x(t)',
    'signal.legend.window': 'memory window',
    'signal.draw': 'Draw',
    'signal.drawing': 'Drawing… (click to stop)',
    'signal.aria': 'Input signal and its HiPPO reconstruction',
    'signal.readout.window': 'window',
    'signal.readout.mseHelp': 'mean squared error of the reconstruction over the window',
    'signal.readout.method': 'states by',
  },
  zh: {
    'signal.title': '记忆窗口',
    'signal.caption':
      '{words}。拖动可移动时间游标；按“绘制”可手绘你自己的信号。',
    'signal.window.legs': 'LegS 记住整个 [0, t]，t 越大越模糊',
    'signal.window.legt': 'LegT 记住窗口 [t − θ, t]，忘掉离开窗口的部分',
    'signal.window.lmu': 'LMU（与 LegT 只差符号）记住窗口 [t − θ, t]',
    'signal.window.lagt': 'LagT 按 e^{−age} 给过去加权：越近的采样越重要',
    'signal.window.fout': 'FouT 保存窗口 [t − θ, t] 的傅里叶级数',
    'signal.legend.input': '输入 u',
    'signal.legend.recon': '由 x(t) 重建',
    'signal.legend.window': '记忆窗口',
    'signal.draw': '绘制',
    'signal.drawing': '正在绘制…（点击停止）',
    'signal.aria': '输入信号及其 HiPPO 重建',
    'signal.readout.window': '窗口',
    'signal.readout.mseHelp': '重建在窗口上的均方误差',
    'signal.readout.method': '状态计算方式',
  },
} satisfies Bundle;
