// What torch 2.15.0 (CPU, x86-64 Linux) prints for the lesson's "Seeding a training run" cells
// with their default values (tests/fixtures/training_snippets/ has the many-seed fixtures).
// Shared by the Node, page and embed tests.

/** torch.manual_seed(17); layer = nn.Linear(4, 3): print(layer.weight), print(layer.bias) */
export const LINEAR_17 = [
  'Parameter containing:\n' +
    'tensor([[-0.0658,  0.0351,  0.3302, -0.3761],\n' +
    '        [-0.4707,  0.0494, -0.1175,  0.0463],\n' +
    '        [-0.0317, -0.4828, -0.4786, -0.1336]], requires_grad=True)',
  'Parameter containing:\ntensor([-0.2946, -0.3077, -0.1457], requires_grad=True)',
];

/** decoder.weight created after the encoder, then before it (seed 17 both times) */
export const DECODER_17 = [
  'Parameter containing:\n' +
    'tensor([[-0.3257, -0.5772, -0.4150],\n' +
    '        [ 0.1158,  0.0760, -0.4678]], requires_grad=True)',
  'Parameter containing:\n' +
    'tensor([[-0.0759,  0.0405,  0.3813],\n' +
    '        [-0.4343, -0.5435,  0.0570]], requires_grad=True)',
];

/** DataLoader(range(10), batch_size=4, shuffle=True) after torch.manual_seed(17): two epochs */
export const EPOCHS_17 = [
  '[[6, 5, 8, 0], [7, 4, 3, 1], [9, 2]]',
  '[[3, 6, 8, 1], [9, 2, 7, 4], [5, 0]]',
];

/** The same loader with generator=torch.Generator().manual_seed(17) */
export const OWN_GENERATOR_17 = '[[1, 5, 8, 9], [4, 2, 0, 7], [6, 3]]';

/** nn.Dropout(p=0.5) after torch.manual_seed(17): two calls in training mode, one in eval mode */
export const DROPOUT_17 = [
  'tensor([2., 0., 2., 2., 0., 2., 0., 0.])',
  'tensor([2., 0., 0., 0., 0., 0., 0., 2.])',
  'tensor([1., 1., 1., 1., 1., 1., 1., 1.])',
];
