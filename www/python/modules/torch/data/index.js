// torch.utils and torch.utils.data: DataLoader (num_workers=0), TensorDataset, Subset,
// random_split, RandomSampler, SequentialSampler, WeightedRandomSampler, SubsetRandomSampler,
// default_collate, default_convert.

import { PyModule } from '../../../objects.js';
import { DEFAULT_COLLATE, DEFAULT_CONVERT } from './collate.js';
import { DATALOADER_TYPE } from './dataloader.js';
import { DATASET_TYPE, RANDOM_SPLIT, SUBSET_TYPE, TENSOR_DATASET_TYPE } from './dataset.js';
import {
  SAMPLER_TYPE,
  SUBSET_RANDOM_SAMPLER_TYPE,
  WEIGHTED_RANDOM_SAMPLER_TYPE,
} from './index-samplers.js';
import { RANDOM_SAMPLER_TYPE, SEQUENTIAL_SAMPLER_TYPE, WASM } from './sampler.js';

/** Names torch.utils.data has that the page does not provide. */
const KNOWN_DATA_NAMES = [
  'IterableDataset',
  'ConcatDataset',
  'ChainDataset',
  'StackDataset',
  'BatchSampler',
  'DistributedSampler',
  'get_worker_info',
  'dataloader',
  'dataset',
  'sampler',
  'DataChunk',
  'IterDataPipe',
  'MapDataPipe',
];

/**
 * torch.utils, with its submodule data.
 * @param {any} pkg  seedlab's wasm package
 */
export function createUtils(pkg) {
  WASM.pkg = pkg;
  const data = new PyModule(
    'torch.utils.data',
    {
      DataLoader: DATALOADER_TYPE,
      Dataset: DATASET_TYPE,
      TensorDataset: TENSOR_DATASET_TYPE,
      Subset: SUBSET_TYPE,
      random_split: RANDOM_SPLIT,
      RandomSampler: RANDOM_SAMPLER_TYPE,
      SequentialSampler: SEQUENTIAL_SAMPLER_TYPE,
      Sampler: SAMPLER_TYPE,
      WeightedRandomSampler: WEIGHTED_RANDOM_SAMPLER_TYPE,
      SubsetRandomSampler: SUBSET_RANDOM_SAMPLER_TYPE,
      default_collate: DEFAULT_COLLATE,
      default_convert: DEFAULT_CONVERT,
    },
    KNOWN_DATA_NAMES,
  );
  return new PyModule('torch.utils', { data }, ['checkpoint', 'tensorboard', 'benchmark', 'hooks']);
}
