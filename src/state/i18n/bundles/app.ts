import type { Bundle } from './types';

export default {
  en: {
    'app.language': 'Language',
  },
  zh: {
    'app.language': '语言',
  },
} satisfies Bundle;
