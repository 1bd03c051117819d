// The page's "notebook kernel": seedlab's classes plus the state that lives as long as the page,
// as it would in a Python session. np.random's global state is RandomState() seeded from OS
// entropy when the page loads (as NumPy does on import), and torch's default generator likewise;
// unseeded draws continue from them, so they change on every run.

/**
 * kernel = createKernel(pkg)  with pkg the module www/pkg/seedlab.js after init().
 * kernel.RandomState, kernel.TorchGenerator: the classes; kernel.numpyGlobal, kernel.torchGlobal:
 * the persistent unseeded generators.
 */
export function createKernel({ RandomState, TorchGenerator }) {
  return {
    RandomState,
    TorchGenerator,
    numpyGlobal: new RandomState(),
    torchGlobal: new TorchGenerator(),
  };
}
