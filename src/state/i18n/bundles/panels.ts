/** Words shared by several panels (axis labels, hover, empty states). */
import type { Bundle } from './types';

export default {
  en: {
    'panel.axis.time': 'time t  (Δ = {dt})',
    'panel.axis.index': 'n (index)',
    'panel.hover': 'hover',
    'panel.hovered': 'hovered',
    'panel.samples': '{n} samples',
    'panel.computing': 'computing…',
  },
  zh: {
    'panel.axis.time': '时间 t（Δ = {dt}）',
    'panel.axis.index': 'n（序号）',
    'panel.hover': '悬停',
    'panel.hovered': '悬停项',
    'panel.samples': '{n} 个采样',
    'panel.computing': '计算中…',
  },
} satisfies Bundle;
