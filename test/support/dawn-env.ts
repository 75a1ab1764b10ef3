/**
 * Vitest global setup (runs in the main process before workers fork, so they inherit it):
 * point Dawn at Chromium's SwiftShader Vulkan driver and Vulkan loader unless the caller chose
 * others. Debian's chromium package ships both in /usr/lib/chromium.
 */
export default function setup(): void {
  const dir = process.env.CHROMIUM_LIB_DIR ?? '/usr/lib/chromium';
  process.env.VK_ICD_FILENAMES ??= `${dir}/vk_swiftshader_icd.json`;
  process.env.LD_LIBRARY_PATH = process.env.LD_LIBRARY_PATH
    ? `${process.env.LD_LIBRARY_PATH}:${dir}`
    : dir;
}
