// torch.nn, with its submodules init and functional: the layers (layers.js, sequential.js),
// Parameter, the init functions and the exact functional ones.

import { PyModule } from '../../../objects.js';
import { functionalAttributes } from './functional.js';
import { initAttributes, KNOWN_INIT_NAMES } from './init.js';
import { layerTypes } from './layers.js';
import { PARAMETER_TYPE } from './parameter.js';

/** Names of torch.nn the page does not provide. */
const KNOWN_NN_NAMES = [
  'MSELoss',
  'CrossEntropyLoss',
  'NLLLoss',
  'BCELoss',
  'BCEWithLogitsLoss',
  'L1Loss',
  'BatchNorm1d',
  'BatchNorm2d',
  'LayerNorm',
  'Embedding',
  'LSTM',
  'GRU',
  'RNN',
  'Softmax',
  'LogSoftmax',
  'GELU',
  'ELU',
  'SiLU',
  'Softplus',
  'ModuleList',
  'ModuleDict',
  'ParameterList',
  'ParameterDict',
  'MaxPool1d',
  'MaxPool2d',
  'AvgPool2d',
  'AdaptiveAvgPool2d',
  'ConvTranspose1d',
  'ConvTranspose2d',
  'Dropout1d',
  'Dropout2d',
  'Dropout3d',
  'AlphaDropout',
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
    { ...layerTypes(), Parameter: PARAMETER_TYPE, init, functional },
    KNOWN_NN_NAMES,
  );
}
