// Tests of www/format/ (numpy.js, torch.js, decimal.js) against strings printed by NumPy 2.4.6
// (print(np.array(...))) and PyTorch 2.15.0 (print(torch.tensor(...))), generated once with
// Python and pasted here.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pyExp, pyFixed } from '../../www/format/decimal.js';
import { formatNumpyArray } from '../../www/format/numpy.js';
import { formatTorchTensor } from '../../www/format/torch.js';

/**
 * An array of n items: lead, then fill, then trail (the middle of a summarised array).
 * @param {number[]} lead
 * @param {number} fill
 * @param {number} n
 * @param {number[]} trail
 */
function summarised(lead, fill, n, trail) {
  return [...lead, ...new Array(n - lead.length - trail.length).fill(fill), ...trail];
}

/** @type {Array<{ name: string, dtype?: 'float64' | 'float32' | 'int64', values: number[], text: string }>} */
const NUMPY_CASES = [
  {
    name: 'np.random.seed(17); np.random.randn(5)',
    dtype: 'float64',
    values: [
      0.27626589002131874, -1.854628078806505, 0.6239011113263563, 1.1453112895720903,
      1.0371904682278827,
    ],
    text: '[ 0.27626589 -1.85462808  0.62390111  1.14531129  1.03719047]',
  },
  {
    name: 'RandomState(20210530).randn(5)',
    dtype: 'float64',
    values: [
      -0.2497268055463145, -1.019518259336609, 2.2346133903951833, 0.7276470324736304,
      1.2921121958444481,
    ],
    text: '[-0.24972681 -1.01951826  2.23461339  0.72764703  1.2921122 ]',
  },
  {
    name: 'RandomState(20210530): second randn(5)',
    dtype: 'float64',
    values: [
      1.1549492859334183, -0.001546696706375521, -0.11196868078951064, -1.0813672534572947,
      0.10265891228123622,
    ],
    text: '[ 1.15494929 -0.0015467  -0.11196868 -1.08136725  0.10265891]',
  },
  {
    name: 'RandomState(17).rand(3): trailing zeros trimmed, padded right',
    dtype: 'float64',
    values: [0.2946650026871097, 0.5305867556052941, 0.19152078694749486],
    text: '[0.294665   0.53058676 0.19152079]',
  },
  {
    name: 'RandomState(17).randint(0, 100, 5)',
    dtype: 'int64',
    values: [15, 6, 22, 57, 45],
    text: '[15  6 22 57 45]',
  },
  {
    name: 'RandomState(17).randint(-1000, 1000, 12): negative ints',
    dtype: 'int64',
    values: [-377, 265, -857, 414, -594, 337, -248, 965, -722, 55, -676, 575],
    text: '[-377  265 -857  414 -594  337 -248  965 -722   55 -676  575]',
  },
  {
    name: 'RandomState(17).randn(20): wraps at 75 columns',
    dtype: 'float64',
    values: [
      0.27626589002131874, -1.854628078806505, 0.6239011113263563, 1.1453112895720903,
      1.0371904682278827, 1.8866389297816077, -0.11169829012876616, -0.36210133839904846,
      0.14867504504524393, -0.4377831525146323, 2.1712569975066427, 1.1523102506236542,
      -1.818812339302829, -0.13804934084964166, 0.5398396138576749, -1.7752822871082987,
      1.3148765358803693, -0.47344804707405347, -1.0922299007271854, -0.25002744173775115,
    ],
    text: '[ 0.27626589 -1.85462808  0.62390111  1.14531129  1.03719047  1.88663893\n -0.11169829 -0.36210134  0.14867505 -0.43778315  2.171257    1.15231025\n -1.81881234 -0.13804934  0.53983961 -1.77528229  1.31487654 -0.47344805\n -1.0922299  -0.25002744]',
  },
  {
    name: 'RandomState(17).rand(30): wraps, no sign column',
    dtype: 'float64',
    values: [
      0.2946650026871097, 0.5305867556052941, 0.19152078694749486, 0.06790035819129137,
      0.7869854599999133, 0.6563335217758555, 0.6375208960436358, 0.575602893753034,
      0.03906291618886648, 0.35781360448354893, 0.9456831868184076, 0.060044680315385346,
      0.864042103546211, 0.8772905261480303, 0.05119366562045369, 0.6524186154656548,
      0.5517513686348753, 0.597513253239051, 0.4835286243100021, 0.2829881608569912,
      0.29772571830177164, 0.5615089053263611, 0.3960474360470265, 0.7887007096788996,
      0.41848438534587695, 0.14390392077532788, 0.15090669442067706, 0.05524135021582377,
      0.7180371937036457, 0.29231735450413854,
    ],
    text: '[0.294665   0.53058676 0.19152079 0.06790036 0.78698546 0.65633352\n 0.6375209  0.57560289 0.03906292 0.3578136  0.94568319 0.06004468\n 0.8640421  0.87729053 0.05119367 0.65241862 0.55175137 0.59751325\n 0.48352862 0.28298816 0.29772572 0.56150891 0.39604744 0.78870071\n 0.41848439 0.14390392 0.15090669 0.05524135 0.71803719 0.29231735]',
  },
  {
    name: 'RandomState(17).randn(5) * 1e-5: scientific notation',
    dtype: 'float64',
    values: [
      2.7626589002131874e-6, -1.8546280788065052e-5, 6.2390111132635635e-6, 1.1453112895720904e-5,
      1.0371904682278828e-5,
    ],
    text: '[ 2.76265890e-06 -1.85462808e-05  6.23901111e-06  1.14531129e-05\n  1.03719047e-05]',
  },
  {
    name: 'RandomState(17).randn(8) * 1e9: scientific, wraps',
    dtype: 'float64',
    values: [
      276265890.02131873, -1854628078.806505, 623901111.3263563, 1145311289.5720904,
      1037190468.2278827, 1886638929.7816076, -111698290.12876615, -362101338.39904845,
    ],
    text: '[ 2.76265890e+08 -1.85462808e+09  6.23901111e+08  1.14531129e+09\n  1.03719047e+09  1.88663893e+09 -1.11698290e+08 -3.62101338e+08]',
  },
  {
    name: 'max/min > 1000: scientific',
    dtype: 'float64',
    values: [0.001, 2.5, 1234.5],
    text: '[1.0000e-03 2.5000e+00 1.2345e+03]',
  },
  {
    name: 'exponents with three digits',
    dtype: 'float64',
    values: [1e100, 1.0],
    text: '[1.e+100 1.e+000]',
  },
  {
    name: 'tie rounded to even at 8 digits',
    dtype: 'float64',
    values: [0.001953125, 1.0],
    text: '[0.00195312 1.        ]',
  },
  {
    name: 'integer-valued floats',
    dtype: 'float64',
    values: [1.0, 2.0, -3.0],
    text: '[ 1.  2. -3.]',
  },
  {
    name: 'zeros',
    dtype: 'float64',
    values: [0.0, -0, 1.5],
    text: '[ 0.  -0.   1.5]',
  },
  {
    name: 'nan and inf',
    dtype: 'float64',
    values: [NaN, 1.0, -Infinity],
    text: '[ nan   1. -inf]',
  },
  {
    name: 'empty',
    dtype: 'float64',
    values: [],
    text: '[]',
  },
  {
    name: 'RandomState(17).randn(1001): summarised; hidden items do not affect the format',
    dtype: 'float64',
    values: summarised(
      [0.27626589002131874, -1.854628078806505, 0.6239011113263563],
      1e300,
      1001,
      [-1.4510440009118255, -0.21335183693602272, 0.20519082485157075],
    ),
    text: '[ 0.27626589 -1.85462808  0.62390111 ... -1.451044   -0.21335184\n  0.20519082]',
  },
  {
    name: 'RandomState(17).randint(0, 10, 2000): summarised ints',
    dtype: 'int64',
    values: summarised([1, 6, 6], -123456, 2000, [3, 7, 8]),
    text: '[1 6 6 ... 3 7 8]',
  },
];

/** @type {Array<{ name: string, dtype?: 'float32' | 'int64', values: number[], text: string }>} */
const TORCH_CASES = [
  {
    name: 'torch.manual_seed(17); torch.randn(5)',
    dtype: 'float32',
    values: [
      -1.41351318359375, 0.23363074660301208, 0.03403318300843239, 0.3499172627925873,
      -0.014521554112434387,
    ],
    text: 'tensor([-1.4135,  0.2336,  0.0340,  0.3499, -0.0145])',
  },
  {
    name: 'torch.rand(3)',
    dtype: 'float32',
    values: [0.43424123525619507, 0.5351095795631409, 0.8302087187767029],
    text: 'tensor([0.4342, 0.5351, 0.8302])',
  },
  {
    name: 'torch.randint(0, 100, (5,))',
    dtype: 'int64',
    values: [59, 85, 51, 42, 10],
    text: 'tensor([59, 85, 51, 42, 10])',
  },
  {
    name: 'torch.randn(20): wraps at 80 columns',
    dtype: 'float32',
    values: [
      -1.0461914539337158, 1.2305212020874023, 1.866212248802185, -0.34353330731391907,
      0.35184893012046814, 0.186283677816391, 0.9566794633865356, 0.08954408764839172,
      0.006819896399974823, -1.7376891374588013, 1.2937604188919067, -0.16616685688495636,
      0.2749744951725006, -0.41141068935394287, 0.11577192693948746, -0.21541482210159302,
      0.658202052116394, 0.21687327325344086, -0.30294081568717957, -0.5902429223060608,
    ],
    text: 'tensor([-1.0462,  1.2305,  1.8662, -0.3435,  0.3518,  0.1863,  0.9567,  0.0895,\n         0.0068, -1.7377,  1.2938, -0.1662,  0.2750, -0.4114,  0.1158, -0.2154,\n         0.6582,  0.2169, -0.3029, -0.5902])',
  },
  {
    name: 'torch.randn(5) * 1e-5: scientific notation',
    dtype: 'float32',
    values: [
      -1.4135131095827091e-5, 2.336307488803868e-6, 3.4033180895676196e-7, 3.4991726352018304e-6,
      -1.4521553737267823e-7,
    ],
    text: 'tensor([-1.4135e-05,  2.3363e-06,  3.4033e-07,  3.4992e-06, -1.4522e-07])',
  },
  {
    name: 'torch.randn(12) * 1e9: scientific, wraps',
    dtype: 'float32',
    values: [
      -1413513216.0, 233630752.0, 34033184.0, 349917248.0, -14521554.0, -612361984.0, -1183546752.0,
      -1483054592.0, 1800436096.0, 9574054.0, 153447392.0, -2663087616.0,
    ],
    text: 'tensor([-1.4135e+09,  2.3363e+08,  3.4033e+07,  3.4992e+08, -1.4522e+07,\n        -6.1236e+08, -1.1835e+09, -1.4831e+09,  1.8004e+09,  9.5741e+06,\n         1.5345e+08, -2.6631e+09])',
  },
  {
    name: 'tie rounded to even at 4 digits',
    dtype: 'float32',
    values: [0.03125, 0.5],
    text: 'tensor([0.0312, 0.5000])',
  },
  {
    name: 'integer-valued floats',
    dtype: 'float32',
    values: [1.0, 2.0, -30.0],
    text: 'tensor([  1.,   2., -30.])',
  },
  {
    name: 'integer-valued, wide range: scientific',
    dtype: 'float32',
    values: [1.0, 100000.0],
    text: 'tensor([1.0000e+00, 1.0000e+05])',
  },
  {
    name: 'zeros',
    dtype: 'float32',
    values: [0.0, -0],
    text: 'tensor([0., -0.])',
  },
  {
    name: 'nan and inf',
    dtype: 'float32',
    values: [NaN, 1.5, -Infinity],
    text: 'tensor([   nan, 1.5000,   -inf])',
  },
  {
    name: 'empty',
    dtype: 'float32',
    values: [],
    text: 'tensor([])',
  },
  {
    name: 'torch.randn(1001): summarised; hidden items do not affect the format',
    dtype: 'float32',
    values: summarised(
      [-1.0461914539337158, 1.2305212020874023, 1.866212248802185],
      1.0000000150474662e30,
      1001,
      [-0.6641919016838074, -2.151547431945801, 0.16233009099960327],
    ),
    text: 'tensor([-1.0462,  1.2305,  1.8662,  ..., -0.6642, -2.1515,  0.1623])',
  },
  {
    name: 'torch.randint(0, 1000, (30,)): padded ints, wraps',
    dtype: 'int64',
    values: [
      559, 585, 751, 742, 510, 369, 808, 213, 822, 455, 12, 239, 412, 612, 591, 353, 934, 809, 737,
      312, 346, 634, 923, 903, 582, 43, 118, 235, 113, 985,
    ],
    text: 'tensor([559, 585, 751, 742, 510, 369, 808, 213, 822, 455,  12, 239, 412, 612,\n        591, 353, 934, 809, 737, 312, 346, 634, 923, 903, 582,  43, 118, 235,\n        113, 985])',
  },
];

/** @type {Array<[number, number, string]>} */
const PY_FIXED = [
  [2.5, 0, '2'],
  [3.5, 0, '4'],
  [0.125, 2, '0.12'],
  [0.375, 2, '0.38'],
  [-0, 3, '-0.000'],
  [1e22, 1, '10000000000000000000000.0'],
  [0.03125, 4, '0.0312'],
  [123.456, 0, '123'],
  [-1.5, 0, '-2'],
  [5e-324, 3, '0.000'],
];

/** @type {Array<[number, number, string]>} */
const PY_EXP = [
  [12345.678, 4, '1.2346e+04'],
  [0.0, 4, '0.0000e+00'],
  [-0, 2, '-0.00e+00'],
  [9.99995, 4, '1.0000e+01'],
  [1e-300, 3, '1.000e-300'],
  [5e-324, 4, '4.9407e-324'],
  [1.7976931348623157e308, 6, '1.797693e+308'],
  [0.03125, 3, '3.125e-02'],
  [2.5, 0, '2e+00'],
  [1e22, 0, '1e+22'],
];

describe('formatNumpyArray matches print(np.array(...))', () => {
  for (const c of NUMPY_CASES) {
    test(c.name, () => {
      assert.equal(formatNumpyArray(c.values, { dtype: c.dtype }), c.text);
    });
  }

  test('accepts a Float64Array as returned by RandomState', () => {
    const values = Float64Array.from(NUMPY_CASES[0].values);
    assert.equal(formatNumpyArray(values), NUMPY_CASES[0].text);
  });
});

describe('formatTorchTensor matches print(torch.tensor(...))', () => {
  for (const c of TORCH_CASES) {
    test(c.name, () => {
      assert.equal(formatTorchTensor(c.values, { dtype: c.dtype }), c.text);
    });
  }

  test('accepts a Float32Array as returned by TorchGenerator', () => {
    const values = Float32Array.from(TORCH_CASES[0].values);
    assert.equal(
      formatTorchTensor(values),
      'tensor([-1.4135,  0.2336,  0.0340,  0.3499, -0.0145])',
    );
  });
});

describe("Python's float formatting", () => {
  for (const [x, p, want] of PY_FIXED) {
    test(`format(${Object.is(x, -0) ? '-0.0' : x}, '.${p}f') == '${want}'`, () => {
      assert.equal(pyFixed(x, p), want);
    });
  }
  for (const [x, p, want] of PY_EXP) {
    test(`format(${Object.is(x, -0) ? '-0.0' : x}, '.${p}e') == '${want}'`, () => {
      assert.equal(pyExp(x, p), want);
    });
  }
});
