// torch.nn, with its submodules init and functional: the layers (layers.js, sequential.js),
// Parameter, the init functions and the exact functional ones.

import { PyModule } from '../../../objects.js';
import { moreLayerTypes } from './extra.js';
import { functionalAttributes } from './functional.js';
import { initAttributes, KNOWN_INIT_NAMES } from './init.js';
import { layerTypes } from './layers.js';
import { PARAMETER_TYPE } from './parameter.js';

/** Names of torch.nn the page does not provide. */
const KNOWN_NN_NAMES = [
  'LSTM',
  'GRU',
  'RNN',
  'ModuleList',
  'ModuleDict',
  'ParameterList',
  'ParameterDict',
  'ConvTranspose1d',
  'ConvTranspose2d',
  'Bilinear',
  'Unflatten',
  'Transformer',
  'MultiheadAttention',
  'utils',
  'DataParallel',
  'parallel',
];

/** Names of torch.nn.functional the page does not provide. */
const KNOWN_FUNCTIONAL_NAMES = [
  'softmax',
  'log_softmax',
  'cross_entropy',
  'mse_loss',
  'nll_loss',
  'binary_cross_entropy',
  'gelu',
  'elu',
  'silu',
  'softplus',
  'max_pool2d',
  'avg_pool2d',
  'batch_norm',
  'layer_norm',
  'embedding',
  'one_hot',
  'pad',
  'interpolate',
  'normalize',
  'dropout1d',
  'dropout2d',
  'dropout3d',
  'alpha_dropout',
  'feature_alpha_dropout',
];

/**
 * torch.nn for a session.
 * @param {any} pkg  seedlab's wasm package
 */
export function createNN(pkg) {
  const init = new PyModule('torch.nn.init', initAttributes(pkg), KNOWN_INIT_NAMES);
  const functional = new PyModule(
    'torch.nn.functional',
    functionalAttributes(),
    KNOWN_FUNCTIONAL_NAMES,
  );
  return new PyModule(
    'torch.nn',
    { ...layerTypes(), ...moreLayerTypes(), Parameter: PARAMETER_TYPE, init, functional },
    KNOWN_NN_NAMES,
  );
}
