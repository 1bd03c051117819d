// The course notebook this lesson teaches from ("A deep understanding of deep learning", Math
// prerequisites, "Identical randomness via seeding"): its code cells verbatim, in order, with
// the outputs the notebook shows. Unseeded outputs differ on every run, by design.

/** @typedef {{ prompt: string, code: string, output: string, seeded: boolean }} NotebookCell */

/** @type {NotebookCell[]} */
export const COURSE_NOTEBOOK = [
  {
    prompt: 'In [1]',
    code: '# import libraries\nimport numpy as np\nimport torch',
    output: '',
    seeded: true,
  },
  {
    prompt: 'In [2]',
    code: '# generate a few random numbers\nnp.random.randn(5)',
    output: 'array([1.38431608, 0.15455336, 0.43882593, 1.52470505, 0.20424841])\n',
    seeded: false,
  },
  {
    prompt: 'In [4]',
    code: [
      '# repeat after fixing the seed (old-but-still-widely-used method)',
      'np.random.seed(17)',
      'print(np.random.randn(5))',
      'print(np.random.randn(5))',
      '',
      '# [ 0.27626589 -1.85462808  0.62390111  1.14531129  1.03719047]',
      '# [ 1.88663893 -0.11169829 -0.36210134  0.14867505 -0.43778315]',
    ].join('\n'),
    output: [
      '[ 0.27626589 -1.85462808  0.62390111  1.14531129  1.03719047]',
      '[ 1.88663893 -0.11169829 -0.36210134  0.14867505 -0.43778315]',
      '',
    ].join('\n'),
    seeded: true,
  },
  {
    prompt: 'In [7]',
    code: [
      'randseed1 = np.random.RandomState(17)',
      'randseed2 = np.random.RandomState(20210530)',
      '',
      'print( randseed1.randn(5) ) # same sequence',
      'print( randseed2.randn(5) ) # different from above, but same each time',
      'print( randseed1.randn(5) ) # same as two up',
      'print( randseed2.randn(5) ) # same as two up',
      'print( np.random.randn(5) ) # different every time',
      '',
      '# [ 0.27626589 -1.85462808  0.62390111  1.14531129  1.03719047]',
      '# [-0.24972681 -1.01951826  2.23461339  0.72764703  1.2921122 ]',
      '# [ 1.88663893 -0.11169829 -0.36210134  0.14867505 -0.43778315]',
      '# [ 1.15494929 -0.0015467  -0.11196868 -1.08136725  0.10265891]',
      '# [ 2.171257    1.15231025 -1.81881234 -0.13804934  0.53983961]',
    ].join('\n'),
    output: [
      '[ 0.27626589 -1.85462808  0.62390111  1.14531129  1.03719047]',
      '[-0.24972681 -1.01951826  2.23461339  0.72764703  1.2921122 ]',
      '[ 1.88663893 -0.11169829 -0.36210134  0.14867505 -0.43778315]',
      '[ 1.15494929 -0.0015467  -0.11196868 -1.08136725  0.10265891]',
      '[-0.9822943   1.03126909  0.49133378 -0.4466466  -0.80636008]',
      '',
    ].join('\n'),
    seeded: false,
  },
  {
    prompt: 'In [8]',
    code: 'torch.randn(5)',
    output: 'tensor([ 0.4042,  0.6359, -0.6229,  0.2103,  0.3948])\n',
    seeded: false,
  },
  {
    prompt: 'In [9]',
    code: [
      'torch.manual_seed(17)',
      'print( torch.randn(5) )',
      '',
      "# torch's seed doesn't spread to numpy",
      'print( np.random.randn(5) )',
    ].join('\n'),
    output: [
      'tensor([-1.4135,  0.2336,  0.0340,  0.3499, -0.0145])',
      '[ 0.13126776 -1.21256024  0.15999085 -0.75522304  0.34989599]',
      '',
    ].join('\n'),
    seeded: false,
  },
];

/** The notebook's code as one program, for the "Try your own code" cell. */
export const COURSE_NOTEBOOK_CODE = COURSE_NOTEBOOK.filter(
  (cell) => cell.prompt !== 'In [2]' && cell.prompt !== 'In [8]',
)
  .map((cell) => cell.code)
  .join('\n\n');
