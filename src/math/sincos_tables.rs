//! Tables of CORE-MATH's correctly rounded binary64 `sin` and `cos`, copied as data.
//!
//! Origin: the CORE-MATH project (<https://core-math.gitlabpages.inria.fr/>), files
//! `src/binary64/sin/sin.c` and `src/binary64/cos/cos.c` (the tables are identical in both),
//! Copyright (c) 2022-2023 Paul Zimmermann and Tom Hubrecht, MIT licence (reproduced in
//! `sincos.rs`). Only the notation changed: C hexadecimal floats became decimal literals that
//! denote the same doubles (shortest round-trip form), and `dint64_t` initialisers became
//! [`Dint::new`] calls with the same words.

use super::Dint;

/// 1/(2 pi) rounded down to 1280 bits: `1/(2 pi) ~ sum T[i] / 2^(64 (i + 1))`
/// (`computeT()` in CORE-MATH's `sin.sage`).
pub(super) static T: [u64; 20] = [
    0x28be60db9391054a,
    0x7f09d5f47d4d3770,
    0x36d8a5664f10e410,
    0x7f9458eaf7aef158,
    0x6dc91b8e909374b8,
    0x01924bba82746487,
    0x3f877ac72c4a69cf,
    0xba208d7d4baed121,
    0x3a671c09ad17df90,
    0x4e64758e60d4ce7d,
    0x272117e2ef7e4a0e,
    0xc7fe25fff7816603,
    0xfbcbc462d6829b47,
    0xdb4d9fb3c9f2c26d,
    0xd3d18fd9a797fa8b,
    0x5d49eeb1faf97c5e,
    0xcf41ce7de294a4ba,
    0x9afed7ec47e35742,
    0x1580cc11bf1edaea,
    0xfc33ef0826bd0d87,
];

/// sin(2 pi i / 2^11) for 0 <= i < 256, 128-bit, to nearest (`computeS()` in `sin.sage`).
pub(super) static S: [Dint; 256] = [
    Dint::new(0x0000000000000000, 0x0000000000000000, 128, 0),
    Dint::new(0xc90fc5f66525d257, 0x480f7956b6470765, -8, 0),
    Dint::new(0xc90f87f3380388d5, 0xcb3ff35bd4d81baa, -7, 0),
    Dint::new(0x96cb587284b81770, 0xb767005691b9d9d1, -6, 0),
    Dint::new(0xc90e8fe6f63c2330, 0xf1d7d06db39ea9fc, -6, 0),
    Dint::new(0xfb514b55ccbe541a, 0xd784e031f9af76d6, -6, 0),
    Dint::new(0x96c9b5df1877e9b5, 0xf91ee371d6467dca, -5, 0),
    Dint::new(0xafea690fd5912ef3, 0xf56e3c87ae3c56df, -5, 0),
    Dint::new(0xc90aafbd1b33efc9, 0xc539edcbfda0cf2c, -5, 0),
    Dint::new(0xe22a7a6729d8e453, 0x850021e392744a4f, -5, 0),
    Dint::new(0xfb49b98e8e7807f6, 0x00b21ccebc9caac3, -5, 0),
    Dint::new(0x8a342eda160bf5ae, 0xde5b1068d174be9c, -4, 0),
    Dint::new(0x96c32baca2ae68b4, 0x37b2dd49d5fca3c0, -4, 0),
    Dint::new(0xa351cb7fc30bc889, 0xb56007d16d4ad5a3, -4, 0),
    Dint::new(0xafe00694866a1b44, 0xcd34d2751c2e1da7, -4, 0),
    Dint::new(0xbc6dd52c3a342eb5, 0xf10bfca3d6464012, -4, 0),
    Dint::new(0xc8fb2f886ec09f37, 0x6a17954b2b7c5171, -4, 0),
    Dint::new(0xd5880deafc18b534, 0x73d1472472f4a390, -4, 0),
    Dint::new(0xe214689606bf1676, 0x438b4a73aecd2541, -4, 0),
    Dint::new(0xeea037cc04764844, 0xc4e92d01a2f42935, -4, 0),
    Dint::new(0xfb2b73cfc106ff68, 0xf0a0e36a000c7350, -4, 0),
    Dint::new(0x83db0a7231831d8f, 0x60e782313f6161af, -3, 0),
    Dint::new(0x8a2009a6b84d9402, 0x77724a2b2a669bc4, -3, 0),
    Dint::new(0x9064b3a76a22640c, 0x56e0a8b0d177b55d, -3, 0),
    Dint::new(0x96a9049670cfae65, 0xf77574094d3c35c4, -3, 0),
    Dint::new(0x9cecf8962d14c822, 0x50ffe4f5caa7f1fa, -3, 0),
    Dint::new(0xa3308bc93904ad69, 0xdec1b7f2768bdafa, -3, 0),
    Dint::new(0xa973ba526a6850d9, 0x76f8c63986598c79, -3, 0),
    Dint::new(0xafb68054d520c60b, 0xfdd2fc0936594c2d, -3, 0),
    Dint::new(0xb5f8d9f3cd8945d6, 0x924bef13600f9852, -3, 0),
    Dint::new(0xbc3ac352ead90abe, 0xeb13e106732687f1, -3, 0),
    Dint::new(0xc27c389609850433, 0xb228a03916371f6f, -3, 0),
    Dint::new(0xc8bd35e14da15f0e, 0xc7396c894bbf7389, -3, 0),
    Dint::new(0xcefdb7592542e1e9, 0x6b47b8c44e5b037e, -3, 0),
    Dint::new(0xd53db9224ae01bca, 0x7337412cf70716cb, -3, 0),
    Dint::new(0xdb7d3761c7b263b6, 0xbb286d23e11c8337, -3, 0),
    Dint::new(0xe1bc2e3cf616a7ac, 0x31883b30137c6e62, -3, 0),
    Dint::new(0xe7fa99d983ee098f, 0xeeb8f9c33340a2f2, -3, 0),
    Dint::new(0xee38765d74fe4897, 0xed16b994af6c18ae, -3, 0),
    Dint::new(0xf475bfef2551f5b9, 0x14e1a5488eaeab96, -3, 0),
    Dint::new(0xfab272b54b9871a2, 0x704729ae56d78a37, -3, 0),
    Dint::new(0x8077456b7dc2d967, 0x3eac8308f1113e5e, -2, 0),
    Dint::new(0x8395023dd418e919, 0xdb1f70118c9c2198, -2, 0),
    Dint::new(0x86b26de5933c2e8e, 0xc5a9decdfaad4db5, -2, 0),
    Dint::new(0x89cf8676d7abb55b, 0x97965c9860c34e44, -2, 0),
    Dint::new(0x8cec4a05f12739e8, 0xdcdca90cc73b116a, -2, 0),
    Dint::new(0x9008b6a763de75b7, 0xa6e3df5975cca9da, -2, 0),
    Dint::new(0x9324ca6fe9a04b4e, 0x899c4de737feec22, -2, 0),
    Dint::new(0x964083747309d113, 0x000a89a11e07c1fe, -2, 0),
    Dint::new(0x995bdfca28b53a54, 0x49c4863de522b217, -2, 0),
    Dint::new(0x9c76dd866c689dcc, 0xe7bc08111d0bfca4, -2, 0),
    Dint::new(0x9f917abeda4498df, 0xf3ff913a4aadb85e, -2, 0),
    Dint::new(0xa2abb58949f2ced7, 0xa5dbee6084ee1260, -2, 0),
    Dint::new(0xa5c58bfbcfd4436a, 0x69fcb11e19f58619, -2, 0),
    Dint::new(0xa8defc2cbe2f8fcc, 0x0cd12a1f6ab6b095, -2, 0),
    Dint::new(0xabf80432a65ef190, 0x8c95c4c91179176b, -2, 0),
    Dint::new(0xaf10a22459fe32a6, 0x3feef3bb58b1f10d, -2, 0),
    Dint::new(0xb228d418ec1869ad, 0x16031a34d4fc855d, -2, 0),
    Dint::new(0xb5409827b25591f0, 0xcd73fb5d8d45d302, -2, 0),
    Dint::new(0xb857ec684627fa4c, 0x187e26d290714d70, -2, 0),
    Dint::new(0xbb6ecef285f98a3a, 0xbddd8a0365d6b1d3, -2, 0),
    Dint::new(0xbe853dde9658dc60, 0xdfe1b074e22fc666, -2, 0),
    Dint::new(0xc19b3744e3262dcd, 0xad5a41de48f6b26f, -2, 0),
    Dint::new(0xc4b0b93e20c0213f, 0xdab4e426409b23a0, -2, 0),
    Dint::new(0xc7c5c1e34d3055b2, 0x5cc8c00e4fccd850, -2, 0),
    Dint::new(0xcada4f4db157cf77, 0xfa6171200ab2efc3, -2, 0),
    Dint::new(0xcdee5f96e21b332c, 0x65a3132adfb7dfd5, -2, 0),
    Dint::new(0xd101f0d8c18ed1c1, 0xaadb580a1eba209f, -2, 0),
    Dint::new(0xd415012d802284f0, 0xdf4005ef6a64aa02, -2, 0),
    Dint::new(0xd7278eaf9dcd5b55, 0x1779df36d1cc8912, -2, 0),
    Dint::new(0xda399779eb391377, 0xcbabaeb97af8e8aa, -2, 0),
    Dint::new(0xdd4b19a78aed6515, 0xece7f445cecf1e28, -2, 0),
    Dint::new(0xe05c1353f27b17e5, 0x0ebc61ade6ca83cd, -2, 0),
    Dint::new(0xe36c829aeba6e720, 0x26a0eecdb4f16266, -2, 0),
    Dint::new(0xe67c659895943123, 0x82b0aecadf808123, -2, 0),
    Dint::new(0xe98bba6965ef725f, 0xb91caf23416e7e80, -2, 0),
    Dint::new(0xec9a7f2a2a188aeb, 0x7244ee20f591983b, -2, 0),
    Dint::new(0xefa8b1f8084ccdfc, 0x1050cdf22f34182f, -2, 0),
    Dint::new(0xf2b650f080d0da8d, 0x587f3fa044e2d27d, -2, 0),
    Dint::new(0xf5c35a316f1a3c80, 0x643720de93ba81bd, -2, 0),
    Dint::new(0xf8cfcbd90af8d57a, 0x4221dc4ba772598d, -2, 0),
    Dint::new(0xfbdba405e9c00cca, 0xd24d3023da491920, -2, 0),
    Dint::new(0xfee6e0d6ff6fc5a4, 0x8b74fe2508ab8fc2, -2, 0),
    Dint::new(0x80f8c035cfee8d76, 0xfd958d68e8b49e6b, -1, 0),
    Dint::new(0x827dc071bfed6ffa, 0xfb4c92369f0cf008, -1, 0),
    Dint::new(0x8402702f5b30f2a9, 0xcb07b25a7b0372a7, -1, 0),
    Dint::new(0x8586ce7ededc809d, 0x9d3dc689006896f4, -1, 0),
    Dint::new(0x870ada70ba4e6d49, 0x009d52755ece3f70, -1, 0),
    Dint::new(0x888e93158fb3bb04, 0x984156f553344306, -1, 0),
    Dint::new(0x8a11f77e349bc245, 0xa66d1d936c38c329, -1, 0),
    Dint::new(0x8b9506bbb28bb922, 0x575f33366be0afef, -1, 0),
    Dint::new(0x8d17bfdf47921ac8, 0xcb590d74f64e77c9, -1, 0),
    Dint::new(0x8e9a21fa66d9ee8d, 0xf2be3ecae62789d4, -1, 0),
    Dint::new(0x901c2c1eb93dee39, 0x632b9cff5cfee724, -1, 0),
    Dint::new(0x919ddd5e1ddb8b33, 0x609c464b3dd676ec, -1, 0),
    Dint::new(0x931f34caaaa5d23a, 0x6a1ff8bfe6396e28, -1, 0),
    Dint::new(0x94a03176acf82d45, 0xae4ba773da6bf754, -1, 0),
    Dint::new(0x9620d274aa290339, 0xe06a955a5b8e301d, -1, 0),
    Dint::new(0x97a116d7601c3515, 0xfc8b7184b21f2d50, -1, 0),
    Dint::new(0x9920fdb1c5d5783d, 0x9dd1eedf18a2e4df, -1, 0),
    Dint::new(0x9aa086170c0a8d86, 0x9ffa0d23f3c26c62, -1, 0),
    Dint::new(0x9c1faf1a9db554af, 0xdab6b478577e7be5, -1, 0),
    Dint::new(0x9d9e77d020a5bbe6, 0xdb895384528d0d60, -1, 0),
    Dint::new(0x9f1cdf4b76138b02, 0x98dbd3555ebcdefe, -1, 0),
    Dint::new(0xa09ae4a0bb300a19, 0x2f895f44a303cc0b, -1, 0),
    Dint::new(0xa21886e449b78316, 0xd29d23a624acd00c, -1, 0),
    Dint::new(0xa395c52ab8829dfc, 0x2be036401ba87cc2, -1, 0),
    Dint::new(0xa5129e88dc17976a, 0x82d9495ead5be348, -1, 0),
    Dint::new(0xa68f1213c73b5124, 0x17218792857f4c5a, -1, 0),
    Dint::new(0xa80b1ee0cb823c27, 0x3269f4702b88324a, -1, 0),
    Dint::new(0xa986c40579e11c0a, 0x8e3bdf8085321556, -1, 0),
    Dint::new(0xab020097a33da341, 0xc1654b64a0081b46, -1, 0),
    Dint::new(0xac7cd3ad58fee7f0, 0x811f953984eff83e, -1, 0),
    Dint::new(0xadf73c5ced9db0f3, 0x9a5318ac6fe94e4d, -1, 0),
    Dint::new(0xaf7139bcf5349ac6, 0x9fe5f4ea48965e2c, -1, 0),
    Dint::new(0xb0eacae4461013ed, 0x63c66682bae74898, -1, 0),
    Dint::new(0xb263eee9f93e3088, 0x695a5332090bb09b, -1, 0),
    Dint::new(0xb3dca4e56b1e54bb, 0x992d96e5021e3c37, -1, 0),
    Dint::new(0xb554ebee3bf0b58e, 0x971f4da709ad4378, -1, 0),
    Dint::new(0xb6ccc31c5065afee, 0x35ebacd79f209137, -1, 0),
    Dint::new(0xb8442987d22cf576, 0x9cc3ef36746de3b8, -1, 0),
    Dint::new(0xb9bb1e4930848ead, 0xcdb0531c4e58484b, -1, 0),
    Dint::new(0xbb31a07920c7b256, 0x55b92083658bb897, -1, 0),
    Dint::new(0xbca7af309efd7182, 0x0a4b0d21fc5036a5, -1, 0),
    Dint::new(0xbe1d4988ee67380c, 0xd1f90f79f46c7e01, -1, 0),
    Dint::new(0xbf926e9b9a0f2127, 0x91a1b5eb79658c67, -1, 0),
    Dint::new(0xc1071d8275561f9b, 0x721853f8e528a934, -1, 0),
    Dint::new(0xc27b55579c81f96d, 0xcdc2bd470675104d, -1, 0),
    Dint::new(0xc3ef1535754b168d, 0x3122c2a59efddc37, -1, 0),
    Dint::new(0xc5625c36af6a222f, 0xf4ff2895ab6ebe89, -1, 0),
    Dint::new(0xc6d5297645257e8d, 0x14d24739de27e2e9, -1, 0),
    Dint::new(0xc8477c0f7bde8a98, 0x004ce0246ad4fa74, -1, 0),
    Dint::new(0xc9b9531de49eb968, 0x4319e5ad5b0dcb84, -1, 0),
    Dint::new(0xcb2aadbd5ca47af5, 0xfaa3dfe675a65ee2, -1, 0),
    Dint::new(0xcc9b8b0a0deff5d4, 0x2e663b3c7555a6c3, -1, 0),
    Dint::new(0xce0bea206fcf9192, 0x3c540a9eec47af38, -1, 0),
    Dint::new(0xcf7bca1d476c516d, 0xa81290bdbaad62e4, -1, 0),
    Dint::new(0xd0eb2a1da855fefd, 0xb9302788604e88f1, -1, 0),
    Dint::new(0xd25a093ef50f2482, 0x721fc87ba1d42456, -1, 0),
    Dint::new(0xd3c8669edf98d680, 0x87967926fdcecec4, -1, 0),
    Dint::new(0xd536415b69fe4c54, 0x1df22346611c6b4b, -1, 0),
    Dint::new(0xd6a39892e6e04764, 0x3090d44db12c418c, -1, 0),
    Dint::new(0xd8106b63fa0048a0, 0xa573f2aa90434ba5, -1, 0),
    Dint::new(0xd97cb8ed98cb93f5, 0x2e349483e3fb2a6a, -1, 0),
    Dint::new(0xdae8804f0ae6015b, 0x362cb974182e3030, -1, 0),
    Dint::new(0xdc53c0a7eab49b35, 0x3ccca3982328ed8b, -1, 0),
    Dint::new(0xddbe791825e8099e, 0x1a5bd9269d408d7e, -1, 0),
    Dint::new(0xdf28a8bffe06ca56, 0xcce2634be2bf54df, -1, 0),
    Dint::new(0xe0924ec008f734fd, 0x8aa895d5bf3e84ea, -1, 0),
    Dint::new(0xe1fb6a3931894b38, 0xf7a1f9bd9ba13b6b, -1, 0),
    Dint::new(0xe363fa4cb8005482, 0x7b32c72e31824e51, -1, 0),
    Dint::new(0xe4cbfe1c329c453a, 0xd40e9e6b989f89e5, -1, 0),
    Dint::new(0xe63374c98e22f0b4, 0x2872ce1bfc7ad1cd, -1, 0),
    Dint::new(0xe79a5d770e6905dc, 0xf1b65cc5fd780262, -1, 0),
    Dint::new(0xe900b7474edad637, 0x431626c10485bdda, -1, 0),
    Dint::new(0xea66815d4304e6c8, 0x0cc39cfcc29960b1, -1, 0),
    Dint::new(0xebcbbadc371c4aaa, 0x1d90f780ae951140, -1, 0),
    Dint::new(0xed3062e7d086c6f0, 0xc71debc372b6f9d4, -1, 0),
    Dint::new(0xee9478a40e62bf86, 0x2a24164daec85ccb, -1, 0),
    Dint::new(0xeff7fb354a0eecb1, 0x527233b40d3432bb, -1, 0),
    Dint::new(0xf15ae9c037b1d8f0, 0x6c48e9e3420b0f1e, -1, 0),
    Dint::new(0xf2bd4369e6c126d3, 0x7f232aee178c6323, -1, 0),
    Dint::new(0xf41f0757c2889e84, 0x3c7f10db458c337c, -1, 0),
    Dint::new(0xf58034af92b102a7, 0x93fa6107c4327527, -1, 0),
    Dint::new(0xf6e0ca977bc6ac45, 0xe1079824233fef46, -1, 0),
    Dint::new(0xf840c835ffbfed66, 0xa9a56012067c570c, -1, 0),
    Dint::new(0xf9a02cb1fe833a0d, 0x08da894471de1a18, -1, 0),
    Dint::new(0xfafef732b66d1742, 0x0343fbf4a7d42af3, -1, 0),
    Dint::new(0xfc5d26dfc4d5cfda, 0x27c07c911290b8d1, -1, 0),
    Dint::new(0xfdbabae12696eea4, 0x02377c3799c052fa, -1, 0),
    Dint::new(0xff17b25f38907dad, 0x0a9c6ba50490539f, -1, 0),
    Dint::new(0x803a06415c170525, 0x6f53873e2f1477ff, 0, 0),
    Dint::new(0x80e7e43a61f5b6cb, 0x5ca183dc973abc22, 0, 0),
    Dint::new(0x819572af6decac84, 0x9fba97fdf0c4d24c, 0, 0),
    Dint::new(0x8242b1357110d372, 0x6fb2123fedfa6e22, 0, 0),
    Dint::new(0x82ef9f618dc5b70e, 0x91a965931f1a200a, 0, 0),
    Dint::new(0x839c3cc917ff6cb4, 0xbfd79717f2880abf, 0, 0),
    Dint::new(0x8448890195846099, 0x246efcff30cb064a, 0, 0),
    Dint::new(0x84f483a0be2f0403, 0x51917cac857fd5f5, 0, 0),
    Dint::new(0x85a02c3c7c2f5ca5, 0x327888fe4b62687b, 0, 0),
    Dint::new(0x864b826aec4c74e5, 0x85043222c9bdd18d, 0, 0),
    Dint::new(0x86f685c25e25acf5, 0x7e0b9b07548471a2, 0, 0),
    Dint::new(0x87a135d95473ec89, 0x4e091160e2430712, 0, 0),
    Dint::new(0x884b9246854ab50b, 0x4f14c8afe4560291, 0, 0),
    Dint::new(0x88f59aa0da591421, 0xb892ca8361d8c84c, 0, 0),
    Dint::new(0x899f4e7f712a765e, 0xc88302a31afce54a, 0, 0),
    Dint::new(0x8a48ad799b6759f3, 0x660558a02136130a, 0, 0),
    Dint::new(0x8af1b726df15e13c, 0x545f7d79ead8fa19, 0, 0),
    Dint::new(0x8b9a6b1ef6da4502, 0x21a6675f51580bc4, 0, 0),
    Dint::new(0x8c42c8f9d2372644, 0x101a5adbcb9ffb43, 0, 0),
    Dint::new(0x8cead04f95cdbf66, 0x4d49cbaf15aecd80, 0, 0),
    Dint::new(0x8d9280b89b9df49b, 0xde2d43c6b67a7cbe, 0, 0),
    Dint::new(0x8e39d9cd73464364, 0xbba4cfecbff54867, 0, 0),
    Dint::new(0x8ee0db26e24390f8, 0xaf0e2345f3bd24b4, 0, 0),
    Dint::new(0x8f87845de430d777, 0x9311a82459aa0f72, 0, 0),
    Dint::new(0x902dd50bab06b1b7, 0xb144016c7a30b39a, 0, 0),
    Dint::new(0x90d3ccc99f5ac58b, 0x09d1072e09b72292, 0, 0),
    Dint::new(0x91796b31609f0c54, 0x6714fe6925b78cc4, 0, 0),
    Dint::new(0x921eafdcc560f9c5, 0x33d0a284a8c954ad, 0, 0),
    Dint::new(0x92c39a65db88809d, 0x1f8481e704e4a767, 0, 0),
    Dint::new(0x93682a66e896f544, 0xb17821911e71c16e, 0, 0),
    Dint::new(0x940c5f7a69e5ce1c, 0x0001489a97671a42, 0, 0),
    Dint::new(0x94b0393b14e54156, 0xd6c7af02d5c16fd9, 0, 0),
    Dint::new(0x9553b743d75ac03f, 0xac0106650f4ef023, 0, 0),
    Dint::new(0x95f6d92fd79f4fba, 0xd9f8e1a446e973b9, 0, 0),
    Dint::new(0x96999e9a74ddbde3, 0xa7a7556c3b33abc1, 0, 0),
    Dint::new(0x973c071f4750b49c, 0xc0a03934f0cce19b, 0, 0),
    Dint::new(0x97de125a2080a8ed, 0xd243aa0843a2c144, 0, 0),
    Dint::new(0x987fbfe70b81a708, 0x19cec845ac87a5c6, 0, 0),
    Dint::new(0x99210f624d30facb, 0xc4b992a37fb9b9bd, 0, 0),
    Dint::new(0x99c200686472b4a8, 0x1ab42d43235757b6, 0, 0),
    Dint::new(0x9a6292960a6f0ab0, 0x7e92c655656e6b85, 0, 0),
    Dint::new(0x9b02c58832cf95c0, 0x698b94f50326a043, 0, 0),
    Dint::new(0x9ba298dc0bfc6a88, 0x9a5614e8ffbeac6f, 0, 0),
    Dint::new(0x9c420c2eff590e5f, 0xc7fd954194e6d8aa, 0, 0),
    Dint::new(0x9ce11f1eb18147b1, 0x3e93627de8fd5779, 0, 0),
    Dint::new(0x9d7fd1490285c9e3, 0xe25e39549638ae68, 0, 0),
    Dint::new(0x9e1e224c0e28bc94, 0x2cad377d5c9c35d8, 0, 0),
    Dint::new(0x9ebc11c62c1a1dfb, 0xcc141e10c6460c8b, 0, 0),
    Dint::new(0x9f599f55f0340061, 0xa88d5f46834bbf8d, 0, 0),
    Dint::new(0x9ff6ca9a2ab6a26d, 0x22cc118a0c118aa0, 0, 0),
    Dint::new(0xa0939331e8846237, 0x7cec6df5bea167cf, 0, 0),
    Dint::new(0xa12ff8bc735d8af6, 0x71acea2819360c35, 0, 0),
    Dint::new(0xa1cbfad9521bfd1b, 0x166c36e7bb3c402f, 0, 0),
    Dint::new(0xa267992848eeb0c0, 0x3b5167ee359a234e, 0, 0),
    Dint::new(0xa302d34959951243, 0x9443372e20d4377c, 0, 0),
    Dint::new(0xa39da8dcc39a38e5, 0x0ca9a8a720d4c69c, 0, 0),
    Dint::new(0xa4381983048ff747, 0xbf623cf5301a2dde, 0, 0),
    Dint::new(0xa4d224dcd849c5b0, 0x23d251cc8d7975cc, 0, 0),
    Dint::new(0xa56bca8b391785db, 0x189d39ffe11aaa2b, 0, 0),
    Dint::new(0xa6050a2f60002049, 0x8c33ebf3aa8501fb, 0, 0),
    Dint::new(0xa69de36ac4fbfadc, 0x9b3ad6e4022183d9, 0, 0),
    Dint::new(0xa73655df1f2f489e, 0x149f6e75993468a3, 0, 0),
    Dint::new(0xa7ce612e65243291, 0x6b2a39f856a69781, 0, 0),
    Dint::new(0xa86604facd04d969, 0x3463a2c2e6e9cc55, 0, 0),
    Dint::new(0xa8fd40e6ccd52ffd, 0x6cc14c4f53e2e82d, 0, 0),
    Dint::new(0xa99414951aacae5e, 0xd147625fda929af8, 0, 0),
    Dint::new(0xaa2a7fa8acefdd63, 0xb714ee81b53b4b9d, 0, 0),
    Dint::new(0xaac081c4ba89ba8a, 0xe1b3dfc4dbda9bfd, 0, 0),
    Dint::new(0xab561a8cbb24f410, 0xf17cee69b0d2ecde, 0, 0),
    Dint::new(0xabeb49a46764fd15, 0x1becda8089c1a94c, 0, 0),
    Dint::new(0xac800eafb91ef9a9, 0xf86ba0dde982fb59, 0, 0),
    Dint::new(0xad146952eb9282af, 0x44bf16268608db96, 0, 0),
    Dint::new(0xada859327ba24151, 0x9d30d4cfeb04f1fb, 0, 0),
    Dint::new(0xae3bddf3280c620d, 0x3d53817865422565, 0, 0),
    Dint::new(0xaecef739f1a2df10, 0xf74d099042e8f326, 0, 0),
    Dint::new(0xaf61a4ac1b83a1de, 0xa89a9b8f726b95bf, 0, 0),
    Dint::new(0xaff3e5ef2b507c06, 0x8c679e67fc462d51, 0, 0),
    Dint::new(0xb085baa8e966f6da, 0xe4cad00d5c94bcd2, 0, 0),
    Dint::new(0xb117227f6117f9f9, 0x8d8be132d576e614, 0, 0),
    Dint::new(0xb1a81d18e0df4889, 0x24784f32c3e3e5bd, 0, 0),
    Dint::new(0xb238aa1bfa9ad507, 0x8cc7d4bd05ffd5ae, 0, 0),
    Dint::new(0xb2c8c92f83c1eb87, 0xac9f7ebbc469ef59, 0, 0),
    Dint::new(0xb35879fa959c323c, 0x5d6635109164f740, 0, 0),
    Dint::new(0xb3e7bc248d78802e, 0xa156468ef6c18c60, 0, 0),
    Dint::new(0xb4768f550ce389fd, 0x4a85350f69018c55, 0, 0),
];

/// cos(2 pi i / 2^11) for 0 <= i < 256, 128-bit, to nearest (`computeC()` in `sin.sage`).
pub(super) static C: [Dint; 256] = [
    Dint::new(0x8000000000000000, 0x0000000000000000, 1, 0),
    Dint::new(0xffffb10b10e80e95, 0x3031437d7eccb9df, 0, 0),
    Dint::new(0xfffec42c7454926b, 0x38e310779edfec68, 0, 0),
    Dint::new(0xfffd3964bc6275ba, 0x69fff9ae0dedb047, 0, 0),
    Dint::new(0xfffb10b4dc96dabb, 0xb47903f7a19f8ee2, 0, 0),
    Dint::new(0xfff84a1e29de8571, 0x8cc193c5d508e13f, 0, 0),
    Dint::new(0xfff4e5a25a8d095b, 0x43366df666fd54ff, 0, 0),
    Dint::new(0xfff0e343865bbb13, 0x5428ed0647c9e5d1, 0, 0),
    Dint::new(0xffec4304266865d9, 0x5657552366961732, 0, 0),
    Dint::new(0xffe704e71533c508, 0x53aa9423bb0adc21, 0, 0),
    Dint::new(0xffe128ef8e9fc17a, 0x7d209f32d42d864e, 0, 0),
    Dint::new(0xffdaaf212fed72db, 0x4fd8f038449ec436, 0, 0),
    Dint::new(0xffd3977ff7bae4e9, 0x664649b4d541b9c5, 0, 0),
    Dint::new(0xffcbe2104600a0a9, 0x5595ca3f421ae09c, 0, 0),
    Dint::new(0xffc38ed6dc0ef98b, 0x1c676208aa3be545, 0, 0),
    Dint::new(0xffba9dd8dc8b1e83, 0xccfed60a91097c48, 0, 0),
    Dint::new(0xffb10f1bcb6bef1d, 0x421e8edaaf59453e, 0, 0),
    Dint::new(0xffa6e2a58df6947d, 0xd2c665c2da3e7844, 0, 0),
    Dint::new(0xff9c187c6abade6a, 0x1e1862cca089938b, 0, 0),
    Dint::new(0xff90b0a7098f6443, 0x2dabd3195a05710f, 0, 0),
    Dint::new(0xff84ab2c738d6a03, 0x519c314973ccae6b, 0, 0),
    Dint::new(0xff780814130c893c, 0x3ea4f30adda3016f, 0, 0),
    Dint::new(0xff6ac765b39e1e19, 0x1b9d5851979f28fb, 0, 0),
    Dint::new(0xff5ce92982087867, 0x50a7bb6a6ee3b0f1, 0, 0),
    Dint::new(0xff4e6d680c41d0a9, 0x0f668633f1ab858a, 0, 0),
    Dint::new(0xff3f542a416b0134, 0xb085c1828f69296a, 0, 0),
    Dint::new(0xff2f9d7971ca0364, 0x27e31939e2eec09c, 0, 0),
    Dint::new(0xff1f495f4ec430d7, 0xf5971326a3540ea9, 0, 0),
    Dint::new(0xff0e57e5ead848d1, 0x1f1901544271c3f8, 0, 0),
    Dint::new(0xfefcc917b99839a5, 0xe0abd3a9b64df725, 0, 0),
    Dint::new(0xfeea9cff8fa2ae54, 0xec34413e87ef2740, 0, 0),
    Dint::new(0xfed7d3a8a29c603b, 0x2f88b949a72ff96c, 0, 0),
    Dint::new(0xfec46d1e89292cf0, 0x41390efdc726e9ef, 0, 0),
    Dint::new(0xfeb0696d3ae4f04d, 0xb7b6cc53c3abc817, 0, 0),
    Dint::new(0xfe9bc8a1105c22a5, 0xd3af6ee4f2101c20, 0, 0),
    Dint::new(0xfe868ac6c3043b2e, 0x0b4f70c910505e10, 0, 0),
    Dint::new(0xfe70afeb6d33d6a2, 0x2907cf2b3f6feac2, 0, 0),
    Dint::new(0xfe5a381c8a1aa224, 0xd54faa364b7da8f6, 0, 0),
    Dint::new(0xfe432367f5b90a62, 0x87b8875373a818a4, 0, 0),
    Dint::new(0xfe2b71dbecd7aefc, 0x008598c2c429caf7, 0, 0),
    Dint::new(0xfe1323870cfe9a3d, 0x90cd1d959db674ef, 0, 0),
    Dint::new(0xfdfa3878546c3d28, 0x9bfe5c51e91cbdcd, 0, 0),
    Dint::new(0xfde0b0bf220c2fd4, 0xe276d247626a23fd, 0, 0),
    Dint::new(0xfdc68c6b356db62f, 0x499ddb331d19539d, 0, 0),
    Dint::new(0xfdabcb8caeba091b, 0xfac7397cc07a6470, 0, 0),
    Dint::new(0xfd906e340eaa6401, 0xd6e270740a186977, 0, 0),
    Dint::new(0xfd747472367dd6c5, 0x61beb8cd2696fc78, 0, 0),
    Dint::new(0xfd57de5867eedc39, 0x6c696582f346fd91, 0, 0),
    Dint::new(0xfd3aabf84528b50b, 0xeae6bd951c1dabbe, 0, 0),
    Dint::new(0xfd1cdd63d0bc8735, 0x863b87258f11ad7e, 0, 0),
    Dint::new(0xfcfe72ad6d9641f2, 0xa06fab9f9d106709, 0, 0),
    Dint::new(0xfcdf6be7def1464c, 0xa4e064308f4999f4, 0, 0),
    Dint::new(0xfcbfc926484cd43a, 0xa3e22b4d38917e73, 0, 0),
    Dint::new(0xfc9f8a7c2d603c60, 0x5d582cac7cb4391c, 0, 0),
    Dint::new(0xfc7eaffd720ed673, 0x02880268f2e62955, 0, 0),
    Dint::new(0xfc5d39be5a5bbc4b, 0x1c0d254b6c8da4bd, 0, 0),
    Dint::new(0xfc3b27d38a5d49ab, 0x256778ffcb5c1769, 0, 0),
    Dint::new(0xfc187a52063060c2, 0x9433b49289417ea2, 0, 0),
    Dint::new(0xfbf5314f31eb7375, 0x25aafd7fdba12c5f, 0, 0),
    Dint::new(0xfbd14ce0d191516e, 0x7190c94899dff1b8, 0, 0),
    Dint::new(0xfbaccd1d0903bb09, 0xe63ae8632b84473c, 0, 0),
    Dint::new(0xfb87b21a5bf5b917, 0x75df66f0ec3dd459, 0, 0),
    Dint::new(0xfb61fbefadddb985, 0x61ce9d5ef5a81487, 0, 0),
    Dint::new(0xfb3baab441e770f7, 0xb4b54683879c9c17, 0, 0),
    Dint::new(0xfb14be7fbae58156, 0x2172a361fd2a722f, 0, 0),
    Dint::new(0xfaed376a1b42e559, 0x2079880c450348ac, 0, 0),
    Dint::new(0xfac5158bc4f4211f, 0x4a188aa367f90ab1, 0, 0),
    Dint::new(0xfa9c58fd796837d4, 0x10655ecd5cc771d8, 0, 0),
    Dint::new(0xfa7301d859796671, 0x1fe196a53fb5b237, 0, 0),
    Dint::new(0xfa491035e55da3a3, 0xd24377c77a591e24, 0, 0),
    Dint::new(0xfa1e842ffc96e4e0, 0x431c393c7f62da65, 0, 0),
    Dint::new(0xf9f35de0dde328ab, 0xba5dbf4510eddc8f, 0, 0),
    Dint::new(0xf9c79d63272c4628, 0x4504ae08d19b2980, 0, 0),
    Dint::new(0xf99b42d1d57781eb, 0x78685d850f80ecdc, 0, 0),
    Dint::new(0xf96e4e4844d4e82a, 0x80e8c17bf80e8f02, 0, 0),
    Dint::new(0xf940bfe2304e6c45, 0xc0e2a1352ed7f292, 0, 0),
    Dint::new(0xf91297bbb1d6cdbe, 0x68fc6e4d6a920bd2, 0, 0),
    Dint::new(0xf8e3d5f1423842a0, 0x9701914c7f8fbcd7, 0, 0),
    Dint::new(0xf8b47a9fb902e76c, 0xac9f07f54ff5bc14, 0, 0),
    Dint::new(0xf88485e44c7af48a, 0xb36a9dfaadafc1e1, 0, 0),
    Dint::new(0xf853f7dc9186b952, 0xc7adc6b4988891bb, 0, 0),
    Dint::new(0xf822d0a67b9c5cb5, 0xa776175bd284fe05, 0, 0),
    Dint::new(0xf7f110605caf6390, 0xa76f7efc19aed41c, 0, 0),
    Dint::new(0xf7beb728e51dfcb8, 0x730785813f78aa1e, 0, 0),
    Dint::new(0xf78bc51f239e12c6, 0x214cffcee9dd33ca, 0, 0),
    Dint::new(0xf7583a62852a23b2, 0x4becad887680c197, 0, 0),
    Dint::new(0xf7241712d4edde49, 0xf99107e50d631330, 0, 0),
    Dint::new(0xf6ef5b503c328589, 0x50ca117eb18beed7, 0, 0),
    Dint::new(0xf6ba073b424b19e8, 0x2c791f59cc1ffc23, 0, 0),
    Dint::new(0xf6841af4cc8048a4, 0xce8c455197cdf8a7, 0, 0),
    Dint::new(0xf64d969e1dfc2119, 0x119d358de0493956, 0, 0),
    Dint::new(0xf6167a58d7b59026, 0x9dc7e5954c5a8f24, 0, 0),
    Dint::new(0xf5dec646f85ba1c6, 0xc8c615e72768d6b5, 0, 0),
    Dint::new(0xf5a67a8adc4088ca, 0xed0dd4bf62edd13f, 0, 0),
    Dint::new(0xf56d97473d446cda, 0x275a2bbb2bab6c8a, 0, 0),
    Dint::new(0xf5341c9f32bffeb9, 0x8da64484aaa0febc, 0, 0),
    Dint::new(0xf4fa0ab6316ed2ec, 0x163c5c7f03b718c5, 0, 0),
    Dint::new(0xf4bf61b00b5982b7, 0x890ac4aafa6a37bf, 0, 0),
    Dint::new(0xf48421b0efbf939b, 0xf8f9d3b87d11fd52, 0, 0),
    Dint::new(0xf4484add6b01254b, 0x667e06866c07c369, 0, 0),
    Dint::new(0xf40bdd5a6688662f, 0x5019794a1f5896e5, 0, 0),
    Dint::new(0xf3ced94d28b2ce8a, 0x18ef535a7ffa7a3d, 0, 0),
    Dint::new(0xf3913edb54ba2242, 0x50f29b4b49f31c37, 0, 0),
    Dint::new(0xf3530e2aea9d3966, 0x0d981acdcf6bc3e4, 0, 0),
    Dint::new(0xf314476247088f74, 0xa5486bdc455d56a2, 0, 0),
    Dint::new(0xf2d4eaa8233e997d, 0x431be53f92ece9e6, 0, 0),
    Dint::new(0xf294f82394ffe320, 0xebadcdbf915e8f6c, 0, 0),
    Dint::new(0xf2546ffc0e72f286, 0xaf0eed81e8c51e55, 0, 0),
    Dint::new(0xf21352595e0bf350, 0xe7112e89103cc0c7, 0, 0),
    Dint::new(0xf1d19f63ae7428a2, 0x844e6a35ddc2b713, 0, 0),
    Dint::new(0xf18f574386712643, 0x8f6bac72988088b0, 0, 0),
    Dint::new(0xf14c7a21c8cbd0f4, 0x2730081c758fb42b, 0, 0),
    Dint::new(0xf1090827b43725fd, 0x67127db35b287316, 0, 0),
    Dint::new(0xf0c5017ee336ca0f, 0xc4e557b119ef3185, 0, 0),
    Dint::new(0xf08066514c055f7e, 0x973ea9903ed5125f, 0, 0),
    Dint::new(0xf03b36c9407aa3e8, 0x992d39ec5c561d28, 0, 0),
    Dint::new(0xeff573116df1555d, 0x62aef7b55319d1d4, 0, 0),
    Dint::new(0xefaf1b54dd2cdf0f, 0xf03a18a5e16ab641, 0, 0),
    Dint::new(0xef682fbef23ecda6, 0x767c0e8ad33bc085, 0, 0),
    Dint::new(0xef20b07b6c6c0b37, 0xe2398bf0eeb28cde, 0, 0),
    Dint::new(0xeed89db66611e307, 0x86f8c20fb664b01b, 0, 0),
    Dint::new(0xee8ff79c548acd0f, 0xa1d2c3d018a9279f, 0, 0),
    Dint::new(0xee46be5a0813016b, 0x7872773830d368be, 0, 0),
    Dint::new(0xedfcf21cabacd3b1, 0xfee6a1eebfa13b4a, 0, 0),
    Dint::new(0xedb29311c504d652, 0x11815196b9fbf5df, 0, 0),
    Dint::new(0xed67a1673455c601, 0x7289102076a125e5, 0, 0),
    Dint::new(0xed1c1d4b344c3d4f, 0xddffe98c4f8aa031, 0, 0),
    Dint::new(0xecd006ec59ea306f, 0xa8392eb238578ab0, 0, 0),
    Dint::new(0xec835e79946a3145, 0x7e610231ac1d6181, 0, 0),
    Dint::new(0xec3624222d227bd1, 0x0278047ae3dd0889, 0, 0),
    Dint::new(0xebe85815c767cb00, 0x1e99ccb9adc62ca6, 0, 0),
    Dint::new(0xeb99fa84606ff5ff, 0x0dae311e656e0661, 0, 0),
    Dint::new(0xeb4b0b9e4f345617, 0x39e39c6c2ab3655d, 0, 0),
    Dint::new(0xeafb8b944453f52f, 0x3383bbb5156bf1d7, 0, 0),
    Dint::new(0xeaab7a9749f584fe, 0x24db98ad3a0647a1, 0, 0),
    Dint::new(0xea5ad8d8c3a91f05, 0x4a0ca5ea449b1c83, 0, 0),
    Dint::new(0xea09a68a6e49cd62, 0x15ad45b4a1b5e823, 0, 0),
    Dint::new(0xe9b7e3de5fdedc8b, 0xcd24d4bd1056c826, 0, 0),
    Dint::new(0xe9659107077cf60f, 0x89a92b199adfbafa, 0, 0),
    Dint::new(0xe912ae372d27045d, 0xacb1c26a06e5ae02, 0, 0),
    Dint::new(0xe8bf3ba1f1aedfbb, 0xf8972affb3d98e1f, 0, 0),
    Dint::new(0xe86b397ace95c46f, 0x9fec1e78c4376186, 0, 0),
    Dint::new(0xe816a7f595ec9232, 0xbfe8378abfb87b6f, 0, 0),
    Dint::new(0xe7c187467233d508, 0xdbfb0fe56c6f80fe, 0, 0),
    Dint::new(0xe76bd7a1e63b9786, 0x125129529d48a92f, 0, 0),
    Dint::new(0xe715993ccd02fe9c, 0xe2ba81b9ce96e02e, 0, 0),
    Dint::new(0xe6becc4c5997af06, 0x82fcedb4c6434d76, 0, 0),
    Dint::new(0xe667710616f4fc59, 0xdd2a3e32c3859960, 0, 0),
    Dint::new(0xe60f879fe7e2e1e5, 0x7613b68f6ab03130, 0, 0),
    Dint::new(0xe5b7105006d4c560, 0x9b695cd67c93bd79, 0, 0),
    Dint::new(0xe55e0b4d05c80388, 0x5a7c210a3a15e7ea, 0, 0),
    Dint::new(0xe50478cdce2246bc, 0xe1f5a58c80292554, 0, 0),
    Dint::new(0xe4aa5909a08fa7b4, 0x122785ae67f5515d, 0, 0),
    Dint::new(0xe44fac3814e09856, 0x20d63b5b9e3cd6ac, 0, 0),
    Dint::new(0xe3f4729119e798d9, 0x56992551ae074e99, 0, 0),
    Dint::new(0xe398ac4cf556b732, 0x0d1197dc12c63176, 0, 0),
    Dint::new(0xe33c59a4439cd8ec, 0x36563e2ffad8351a, 0, 0),
    Dint::new(0xe2df7acff7c2cf83, 0xd6fe4dd22e60a4a2, 0, 0),
    Dint::new(0xe28210095b483751, 0xfd39138aa2d508ed, 0, 0),
    Dint::new(0xe224198a0e002123, 0xe0521df01a1be6f5, 0, 0),
    Dint::new(0xe1c5978c05ed8691, 0xf4e8a8372f8c5810, 0, 0),
    Dint::new(0xe1668a498f1f892c, 0xe2f9d4600f4d0325, 0, 0),
    Dint::new(0xe106f1fd4b8d7c96, 0x6ba8a9d9ba877899, 0, 0),
    Dint::new(0xe0a6cee232f2bb9c, 0x6d6c98fe79817946, 0, 0),
    Dint::new(0xe046213392aa486c, 0x55ff6038a5197367, 0, 0),
    Dint::new(0xdfe4e92d0d8a37f5, 0x720588ff6547d884, 0, 0),
    Dint::new(0xdf83270a9bbee890, 0xab01350f013d78dd, 0, 0),
    Dint::new(0xdf20db088aa60404, 0x64a58b2f103485dd, 0, 0),
    Dint::new(0xdebe05637ca94cfb, 0x4b19aa71fec3ae6d, 0, 0),
    Dint::new(0xde5aa65869193805, 0x04248f15548f69ca, 0, 0),
    Dint::new(0xddf6be249c075037, 0xd597b10a01676659, 0, 0),
    Dint::new(0xdd924d05b620678a, 0x739c45b982193b5e, 0, 0),
    Dint::new(0xdd2d5339ac8692fd, 0x49c6e0ea76cbcaac, 0, 0),
    Dint::new(0xdcc7d0fec8aaf2aa, 0xb2069fd0b482b4e8, 0, 0),
    Dint::new(0xdc61c693a82745d5, 0xaca8017e375b64e5, 0, 0),
    Dint::new(0xdbfb34373c974b0e, 0xccb7fd40d543f4a1, 0, 0),
    Dint::new(0xdb941a28cb71ec87, 0x2c19b63253da43fc, 0, 0),
    Dint::new(0xdb2c78a7ede238a9, 0x5a98479cbef2ecbc, 0, 0),
    Dint::new(0xdac44ff490a02710, 0x5b267c1bcff0ab62, 0, 0),
    Dint::new(0xda5ba04ef3c929f4, 0xe257bde73d83dc1a, 0, 0),
    Dint::new(0xd9f269f7aab88c29, 0x28e81dcb6dab91ac, 0, 0),
    Dint::new(0xd988ad2f9bdf9bbb, 0xc4e4dc69fc2fff6f, 0, 0),
    Dint::new(0xd91e6a38009da15a, 0x1bb35ad6d2e74b67, 0, 0),
    Dint::new(0xd8b3a1526517a48b, 0x1ed1a8ff78f1b632, 0, 0),
    Dint::new(0xd84852c0a80ffcdb, 0x24b9fe00663574a4, 0, 0),
    Dint::new(0xd7dc7ec4fabdb011, 0xced12d2899b803db, 0, 0),
    Dint::new(0xd77025a1e0a39d8b, 0x0cb78e80e67ba1b8, 0, 0),
    Dint::new(0xd703479a2f6776cc, 0x6cb3bfd65b38562b, 0, 0),
    Dint::new(0xd695e4f10ea88570, 0x083f082b570611d7, 0, 0),
    Dint::new(0xd627fde9f7d63e7e, 0x7afbefc05e9f7d99, 0, 0),
    Dint::new(0xd5b992c8b606a351, 0x7190b755535d4f18, 0, 0),
    Dint::new(0xd54aa3d165cc7018, 0x7d00ae97abaa4096, 0, 0),
    Dint::new(0xd4db3148750d1819, 0xf630e8b6dac83e69, 0, 0),
    Dint::new(0xd46b3b72a2d68fc9, 0xdc4663a3168698d2, 0, 0),
    Dint::new(0xd3fac294ff34e4d0, 0xb77d4f6bd0ee8591, 0, 0),
    Dint::new(0xd389c6f4eb07a41c, 0xa8faac741a6394dc, 0, 0),
    Dint::new(0xd31848d817d70e16, 0xeeeaddb72f00e0dd, 0, 0),
    Dint::new(0xd2a6488487a91918, 0x4300fd1c1ce507e5, 0, 0),
    Dint::new(0xd233c6408cd64236, 0x981ba7e42537275f, 0, 0),
    Dint::new(0xd1c0c252c9de2c86, 0xda7485a5aeffeb4c, 0, 0),
    Dint::new(0xd14d3d02313c0eed, 0x744fea20e8abef92, 0, 0),
    Dint::new(0xd0d93696053af098, 0x77a18eb13d2ecde5, 0, 0),
    Dint::new(0xd064af55d7c9b43e, 0x6b8a685f6cb61c21, 0, 0),
    Dint::new(0xcfefa7898a4ef23c, 0xdaf200dd81212d10, 0, 0),
    Dint::new(0xcf7a1f794d7ca1b1, 0xdfcb60445c1bf973, 0, 0),
    Dint::new(0xcf04176da12390ac, 0x04d27090f10c454e, 0, 0),
    Dint::new(0xce8d8faf5406ab8b, 0xf5babff66def7892, 0, 0),
    Dint::new(0xce16888783ae13b3, 0x93e391861a034684, 0, 0),
    Dint::new(0xcd9f023f9c3a059e, 0x23af31db7179a4aa, 0, 0),
    Dint::new(0xcd26fd2158358e7d, 0x649474e36b8db9d3, 0, 0),
    Dint::new(0xccae7976c0691177, 0x83e907fbd7aaf0b0, 0, 0),
    Dint::new(0xcc35778a2bac9ca1, 0xf839ce18e08bfb50, 0, 0),
    Dint::new(0xcbbbf7a63eba0dd5, 0x70cbb7f3343451be, 0, 0),
    Dint::new(0xcb41fa15ebff0777, 0x2293661be51140ab, 0, 0),
    Dint::new(0xcac77f24736eb553, 0xd9944be1631846d8, 0, 0),
    Dint::new(0xca4c871d625361a9, 0x5328edeb3e6784de, 0, 0),
    Dint::new(0xc9d1124c931fda7a, 0x8335241be1693225, 0, 0),
    Dint::new(0xc95520fe2d40a74b, 0x83b0e96e1249c2b0, 0, 0),
    Dint::new(0xc8d8b37ea4ed0f62, 0x0b562c00b34ee771, 0, 0),
    Dint::new(0xc85bca1abaf7f0a7, 0x65862939b83382e0, 0, 0),
    Dint::new(0xc7de651f7ca06749, 0x02b31bc86877fd2c, 0, 0),
    Dint::new(0xc76084da43624634, 0xd5c149509e9059f1, 0, 0),
    Dint::new(0xc6e22998b4c6608e, 0xcfe6c1b1a6b4e2a4, 0, 0),
    Dint::new(0xc66353a8c232a43c, 0xe993503baf5afb41, 0, 0),
    Dint::new(0xc5e40358a8ba05a7, 0x43da25d99267326b, 0, 0),
    Dint::new(0xc56438f6f0ec3cca, 0x0ab4906075507e74, 0, 0),
    Dint::new(0xc4e3f4d26ea553b6, 0xdd40950cf1ed92fa, 0, 0),
    Dint::new(0xc463373a40dd06a3, 0x9dd768f30ca8e85c, 0, 0),
    Dint::new(0xc3e2007dd175f5a4, 0xa87e78136665cdb2, 0, 0),
    Dint::new(0xc36050ecd50ca830, 0x8ac9e1386e4cbabb, 0, 0),
    Dint::new(0xc2de28d74ac6628b, 0x74c8f010d986a9e0, 0, 0),
    Dint::new(0xc25b888d7c1fcd38, 0xb7041e9bc8c18b0d, 0, 0),
    Dint::new(0xc1d8705ffcbb6e90, 0xbdf0715cb8b20bd7, 0, 0),
    Dint::new(0xc154e09faa2ff69a, 0x17858573216e0a22, 0, 0),
    Dint::new(0xc0d0d99dabd65d44, 0x2bda5328933c854a, 0, 0),
    Dint::new(0xc04c5bab7297d322, 0x6dd06968e0ed1957, 0, 0),
    Dint::new(0xbfc7671ab8bb84c6, 0xe4e62d86dd136e78, 0, 0),
    Dint::new(0xbf41fc3d81b430db, 0x0d46655d6b012455, 0, 0),
    Dint::new(0xbebc1b6619ed9116, 0x2715ef03f8543355, 0, 0),
    Dint::new(0xbe35c4e716999630, 0x29d7f7b67d43b177, 0, 0),
    Dint::new(0xbdaef913557d76f0, 0xac85320f528d6d5d, 0, 0),
    Dint::new(0xbd27b83dfcbe9279, 0x2ea36923d5d8e213, 0, 0),
    Dint::new(0xbca002ba7aaf25ea, 0x4a48496734be336d, 0, 0),
    Dint::new(0xbc17d8dc859ad583, 0x727c405ffc73af56, 0, 0),
    Dint::new(0xbb8f3af81b93095c, 0xfce8d84068e825b6, 0, 0),
    Dint::new(0xbb062961823b1ddc, 0x5120e35e1c1a250c, 0, 0),
    Dint::new(0xba7ca46d46946802, 0x33201477347447d8, 0, 0),
    Dint::new(0xb9f2ac703cca0db3, 0x39db32d014440024, 0, 0),
    Dint::new(0xb96841bf7ffcb21a, 0x9de1e3b22b8bf4db, 0, 0),
    Dint::new(0xb8dd64b0720df647, 0xa726f4f0828585c9, 0, 0),
    Dint::new(0xb8521598bb6bce26, 0x1c041d1ea5fb3fdb, 0, 0),
    Dint::new(0xb7c654ce4adba9f2, 0x2e7a35723f3ed035, 0, 0),
    Dint::new(0xb73a22a755457448, 0x7f86f63bb23f496a, 0, 0),
    Dint::new(0xb6ad7f7a557e64f2, 0xeb2d28ef943dc88c, 0, 0),
    Dint::new(0xb6206b9e0c13a892, 0xea7c015f12b987f7, 0, 0),
    Dint::new(0xb592e7697f14dd4a, 0x737dd2824b608d13, 0, 0),
];

/// Odd polynomial, degree 11, for sin(2 pi x) on 0 <= x < 2^-11, relative error 2^-127.75
/// (`sin_accurate.sollya`); coefficients of degree 1, 3, ..., 11.
pub(super) static PS: [Dint; 6] = [
    Dint::new(0xc90fdaa22168c234, 0xc4c6628b80dc1cd1, 3, 0),
    Dint::new(0xa55de7312df295f5, 0x5dc72f712aa57db4, 6, 1),
    Dint::new(0xa335e33bad570e92, 0x3f33be0021aa54d2, 7, 0),
    Dint::new(0x9969667315ec2d9d, 0xe59d6ab8509a2025, 7, 1),
    Dint::new(0xa83c1a43bf1c6485, 0x7d5f8f76fa7d74ed, 6, 0),
    Dint::new(0xf16ab2898eae62f9, 0xa7f0339113b8b3c5, 4, 1),
];

/// Even polynomial, degree 10, for cos(2 pi x) on 0 <= x < 2^-11, relative error 2^-137.246
/// (`cos_accurate.sollya`); coefficients of degree 0, 2, ..., 10.
pub(super) static PC: [Dint; 6] = [
    Dint::new(0x8000000000000000, 0x0000000000000000, 1, 0),
    Dint::new(0x9de9e64df22ef2d2, 0x56e26cd9808c1949, 5, 1),
    Dint::new(0x81e0f840dad61d9a, 0x9980f00630cb655e, 7, 0),
    Dint::new(0xaae9e3f1e5ffcfe2, 0xa508509534006249, 7, 1),
    Dint::new(0xf0fa83448dd1e094, 0x0e0603ce7044eeba, 6, 0),
    Dint::new(0xd368f6f4207cfe49, 0x0ec63157807ebffa, 5, 1),
];

/// For each 0 <= i < 256, with `x_i = i/2^11 + SC[i][0]`: `SC[i][1] ~ sin(2 pi x_i)` and
/// `SC[i][2] ~ cos(2 pi x_i)`, both with 53+15 bits of accuracy (Gal's accurate tables, built by
/// CORE-MATH's `buildSC.c` with parameter 15). `SC[i][0]` is a multiple of 2^-62 below 2^-24 in
/// magnitude.
#[rustfmt::skip]
pub(super) static SC: [[f64; 3]; 256] = [
    [0.0, 0.0, 1.0], // 0
    [-5.1041282311814484e-11, 0.0030679564422656505, 0.9999952938105601], // 1
    [-4.689280539392493e-11, 0.006135884354523836, 0.999981175284409], // 2
    [-1.0579724162712578e-10, 0.0092037541173443, 0.999957644558082], // 3
    [-2.1630513114163918e-10, 0.01227153692673704, 0.9999247018558226], // 4
    [3.844597687083229e-10, 0.015339208700335866, 0.9998823474171586], // 5
    [1.9853647068371338e-10, 0.018406731153034917, 0.9998305817728621], // 6
    [-3.5646790640803117e-11, 0.021474080051545764, 0.999769405356025], // 7
    [-8.911460675289917e-10, 0.024541222925362795, 0.9996988188336163], // 8
    [-2.809495518174554e-10, 0.027608144014380522, 0.9996188225439141], // 9
    [-3.7162287483405443e-10, 0.030674800842760037, 0.9995294175727181], // 10
    [9.482864250787149e-10, 0.03374117780624431, 0.9994306043544231], // 11
    [-1.9473419404780756e-11, 0.03680722281908664, 0.999322384592853], // 12
    [-5.130494380028994e-11, 0.039872927265637695, 0.9992047586312173], // 13
    [3.769867352315659e-10, 0.04293825930143377, 0.9990777276509385], // 14
    [7.254804829798234e-11, 0.04600318258626487, 0.9989412931658871], // 15
    [2.038292815781384e-10, 0.049067675606572506, 0.9987954561423316], // 16
    [3.864018827126614e-11, 0.05213170492273665, 0.9986402181676085], // 17
    [1.9884507998502166e-09, 0.055195256824448986, 0.9984755798836961], // 18
    [7.820583972084627e-10, 0.05825826940590769, 0.9983015446476223], // 19
    [-1.6957436062975395e-09, 0.06132072566758815, 0.9981181135535014], // 20
    [-1.219928548804039e-09, 0.06438262328072308, 0.9979252866920912], // 21
    [-1.0440826883617582e-09, 0.06744391301843611, 0.9977230670866348], // 22
    [3.3476149109701314e-09, 0.07050459437095542, 0.9975114546573323], // 23
    [1.24653608615799e-10, 0.07356456438076697, 0.9972904566210729], // 24
    [-9.431689110273034e-11, 0.07662386080116322, 0.9970600703848911], // 25
    [-4.746276947853456e-10, 0.07968243499873878, 0.9968202995287926], // 26
    [-5.095572505608992e-10, 0.08274026135871103, 0.9965711460554596], // 27
    [8.402341704349947e-10, 0.08579731760431988, 0.9963126117298242], // 28
    [-8.984450076271466e-10, 0.08885354695975617, 0.9960447014028389], // 29
    [-5.432299540752972e-10, 0.09190895309836498, 0.9957674147813648], // 30
    [4.2598937051441244e-10, 0.09496349799411308, 0.9954807552377505], // 31
    [3.6146684707916155e-09, 0.09801716293182969, 0.9951847244460674], // 32
    [-1.2521791936670468e-09, 0.10106985492744167, 0.9948793315899903], // 33
    [-1.1005134165076313e-09, 0.10412162699490937, 0.9945645714542284], // 34
    [-4.010193975501064e-09, 0.10717239990513915, 0.9942404521535889], // 35
    [1.3425500676456092e-09, 0.11022221567797622, 0.9939069690725776], // 36
    [-4.10472079936941e-10, 0.11327094961509077, 0.9935641358127293], // 37
    [8.827801739608176e-09, 0.1163186860021079, 0.9932119427829808], // 38
    [-1.958183441785888e-10, 0.119365213589425, 0.9928504146067276], // 39
    [1.8354532962949754e-09, 0.12241068664497966, 0.9924795331870097], // 40
    [-3.146667589687402e-09, 0.12545496379665588, 0.992099315622574], // 41
    [1.6729396340453562e-09, 0.12849812121804088, 0.9917097523184057], // 42
    [4.536884874728475e-09, 0.13154005696127805, 0.9913108560964233], // 43
    [-3.820524292763583e-09, 0.13458068472044685, 0.990902638658398], // 44
    [-2.9005606909382475e-09, 0.13762010353513277, 0.9904850867645506], // 45
    [5.158245101888337e-09, 0.1406582714208435, 0.9900582057035335], // 46
    [-1.9312542953731082e-09, 0.14369502114179672, 0.9896220192068579], // 47
    [2.9914760599214496e-09, 0.14673049304792185, 0.989176507206835], // 48
    [6.579208705614903e-11, 0.14976453508604312, 0.9887216918984135], // 49
    [-1.472863223744847e-09, 0.15279717611283852, 0.9882575691447762], // 50
    [2.7296200542925586e-09, 0.1558284145954632, 0.9877841389720046], // 51
    [-1.9550494799458473e-09, 0.15885813120591186, 0.9873014201092619], // 52
    [-7.283991292073022e-10, 0.1618863892638141, 0.9868094025550855], // 53
    [2.5789892964256378e-09, 0.1649131364723703, 0.9863080945723022], // 54
    [7.346979257610853e-09, 0.1679383404815416, 0.9857975014151262], // 55
    [-6.815294058271082e-10, 0.1709618845411694, 0.9852776431210301], // 56
    [-9.679219439839848e-10, 0.1739838673985849, 0.9847485028600103], // 57
    [6.665790083099088e-09, 0.17700426163322378, 0.9842100849735677], // 58
    [-1.8840811306930494e-09, 0.18002288976107342, 0.9836624213428469], // 59
    [3.1672526268344825e-09, 0.18303990751936794, 0.9831054837886427], // 60
    [2.5295304739714197e-10, 0.18605515322504634, 0.9825393019917343], // 61
    [-8.232884166070598e-10, 0.18906865907023115, 0.9819638700875836], // 62
    [2.1089624560599596e-09, 0.19208041005415, 0.9813791907684968], // 63
    [1.5584749948893695e-09, 0.19509033162016132, 0.9807852784928695], // 64
    [8.61283338399188e-09, 0.19809846376151738, 0.9801821252478168], // 65
    [1.566280827258737e-09, 0.2011046444822659, 0.979569763706323], // 66
    [3.574563742225756e-09, 0.20410898807964667, 0.9789481707348467], // 67
    [-3.258336149503105e-09, 0.2071113561633913, 0.9783173749597627], // 68
    [2.7707582339608905e-09, 0.21011185390103795, 0.9776773541666335], // 69
    [-4.252215794753322e-09, 0.21311029381238117, 0.9770281483515204], // 70
    [9.407016693385728e-10, 0.21610680284715328, 0.9763697300526997], // 71
    [-2.762646236775801e-09, 0.21910122322041925, 0.9757021338417355], // 72
    [2.151265360295085e-09, 0.22209363415242503, 0.9750253420649992], // 73
    [-8.794336509021505e-09, 0.22508385752126106, 0.9743393952229114], // 74
    [-1.3352382949305408e-09, 0.22807207500244897, 0.973644251564234], // 75
    [2.376363966716255e-09, 0.23105812280776902, 0.9729399487556002], // 76
    [3.049711802538546e-10, 0.23404196044651454, 0.9722264966304673], // 77
    [2.742248830789329e-09, 0.23702362273343514, 0.9715038869023213], // 78
    [2.9988943966996473e-10, 0.2400030242779295, 0.970772140276722], // 79
    [-5.234729108516412e-09, 0.24298014799818599, 0.9700312611863494], // 80
    [3.2653907702795415e-09, 0.24595507022259128, 0.9692812303102749], // 81
    [-1.0894593630017546e-09, 0.24892759911592002, 0.9685220959783952], // 82
    [-2.1866383009827572e-10, 0.25189781682461476, 0.9677538374395592], // 83
    [-3.585845592679604e-09, 0.25486563781801985, 0.9669764767871109], // 84
    [3.573543051749173e-09, 0.2578311238562484, 0.9661899976562704], // 85
    [1.2024867906967884e-09, 0.2607941252092624, 0.9653944397272731], // 86
    [1.1183973400163971e-09, 0.26375468575309813, 0.9645897914363828], // 87
    [-5.69932351313085e-10, 0.2667127540236254, 0.9637760667505357], // 88
    [9.243476331577405e-10, 0.2696683311656008, 0.9629532653074914], // 89
    [3.089065385430967e-09, 0.27262137412392706, 0.9621213989776871], // 90
    [-1.1543851909101566e-08, 0.27557174958720676, 0.9612805057991376], // 91
    [7.487451658683142e-09, 0.278519734568551, 0.9604305063125931], // 92
    [-6.227768689637259e-09, 0.2814649003775088, 0.9595715240957701], // 93
    [5.082959241009544e-09, 0.2844075678295522, 0.9587034658126978], // 94
    [-3.039098472878976e-09, 0.2873474412548245, 0.9578264185144953], // 95
    [-2.734192733333529e-09, 0.2902846608147636, 0.9569403407191368], // 96
    [1.4600410255805052e-09, 0.2932191714647389, 0.9560452486600893], // 97
    [-6.224061641080247e-09, 0.29615085089098225, 0.9551411798873228], // 98
    [-6.416392160646378e-09, 0.29907978783797107, 0.954228107166622], // 99
    [-4.144714828291374e-09, 0.3020059244932213, 0.9533060482190359], // 100
    [-4.384570345683514e-10, 0.304929227111698, 0.9523750135598175], // 101
    [-5.323937679602153e-10, 0.3078496368588623, 0.951435021998805], // 102
    [-7.750482408641624e-10, 0.3107671481209613, 0.9504860754628468], // 103
    [-1.6505960834245492e-09, 0.3136817305513337, 0.9495281838462303], // 104
    [2.654892902742567e-10, 0.3165933771384785, 0.948561349387615], // 105
    [-2.176348837257258e-09, 0.31950201785834836, 0.9475855953867406], // 106
    [-8.63410357099248e-10, 0.3224076736657909, 0.9466009148323347], // 107
    [-4.455577025386237e-09, 0.3253102656897814, 0.9456073344876529], // 108
    [2.593582071330758e-09, 0.32820985897233207, 0.9446048319129867], // 109
    [3.991339363185187e-09, 0.33110632942361956, 0.9435934498583686], // 110
    [-1.0599716125658798e-08, 0.33399958866665197, 0.9425732198458151], // 111
    [3.108883810110097e-09, 0.3368898717840528, 0.9415440586023176], // 112
    [-2.668236374903099e-09, 0.33977686863922035, 0.9405060762896357], // 113
    [-4.232337813547815e-10, 0.34266071481373156, 0.9394592245134126], // 114
    [-9.553805663253812e-11, 0.3455413244006811, 0.9384035342705308], // 115
    [-1.1780352249246562e-09, 0.3484186733114259, 0.937339014491505], // 116
    [-1.1539197791732292e-08, 0.3512926882035733, 0.9362656926400257], // 117
    [1.033394557425904e-09, 0.3541635314926458, 0.9351835076393604], // 118
    [6.936202723295537e-10, 0.35703096530434053, 0.9340925488482663], // 119
    [5.854304464814053e-09, 0.35989507085389627, 0.9329927855964745], // 120
    [-1.3559395758977466e-09, 0.36275571642809773, 0.9318842686722089], // 121
    [-1.3724797409686573e-09, 0.3656129897782635, 0.9307669642318637], // 122
    [2.7493280152501853e-09, 0.3684668460124887, 0.9296408894780871], // 123
    [1.3802285495079225e-09, 0.37131720200405743, 0.9285060772530668], // 124
    [-4.364344642626694e-09, 0.37416403754133554, 0.9273625359107225], // 125
    [1.3505429136140279e-09, 0.37700741807597105, 0.9262102389391352], // 126
    [-1.4282816963862022e-08, 0.37984712590866393, 0.9250492748707647], // 127
    [1.2475021557434296e-08, 0.3826835047814199, 0.9238795025154574], // 128
    [-1.4590044172813066e-09, 0.38551604538533757, 0.9227011318679794], // 129
    [-5.597621810515818e-10, 0.3883450434577789, 0.9215140407078862], // 130
    [-1.0532098054794048e-08, 0.3911703234000772, 0.9203183025948571], // 131
    [1.3503587151242336e-08, 0.3939921180437581, 0.9191138182615869], // 132
    [-2.2710503644329805e-08, 0.39680985643749506, 0.9179008322439056], // 133
    [1.168928065453656e-09, 0.3996242065782802, 0.9166790569859661], // 134
    [-1.2957533199187132e-08, 0.40243457632854235, 0.9154487488523138], // 135
    [2.701855666975561e-08, 0.40524146920360754, 0.9142096869086991], // 136
    [-9.907307613188365e-10, 0.4080441571818393, 0.9129621929684506], // 137
    [-7.498060020094677e-09, 0.4108431281058819, 0.9117060513609493], // 138
    [2.3056466458282188e-09, 0.4136383254278201, 0.9104412862657695], // 139
    [-4.190093549905072e-10, 0.41642955770405843, 0.9091679841868621], // 140
    [2.5444446549727218e-09, 0.4192169028777965, 0.9078861097855546], // 141
    [2.233453297306731e-09, 0.42200028352223934, 0.9065956985929007], // 142
    [2.69824853432743e-08, 0.4247798346894538, 0.9052966873026767], // 143
    [1.4302902751062163e-09, 0.42755510155423393, 0.9039892892811002], // 144
    [-4.626385510797526e-09, 0.43032645510077955, 0.9026733307461768], // 145
    [-4.2888544660169e-09, 0.4330937945639029, 0.9013488587168899], // 146
    [2.1229143859491373e-09, 0.43585709192726546, 0.9000158862024088], // 147
    [-3.6358097643685028e-09, 0.4386162180087888, 0.8986744757139076], // 148
    [-3.994878303159588e-09, 0.4413712462083665, 0.8973245917840843], // 149
    [2.590754819009611e-09, 0.44412215915514036, 0.8959662425266792], // 150
    [7.824665609890147e-09, 0.4468688841443053, 0.8945994636616006], // 151
    [-4.967186786886124e-09, 0.44961130177729475, 0.8932243152277743], // 152
    [4.967586814119684e-09, 0.4523496150701423, 0.8918406952734855], // 153
    [-4.8611474984250336e-09, 0.45508355992893146, 0.8904487371445987], // 154
    [2.360526205058555e-09, 0.4578133167849077, 0.8890483490645499], // 155
    [1.980799801959421e-09, 0.460538722005565, 0.8876396146711124], // 156
    [5.007043224480867e-09, 0.46325981143258066, 0.8862225155746438], // 157
    [-2.547583685674759e-09, 0.4659764816050717, 0.8847971058897957], // 158
    [-3.0439082226996206e-09, 0.4686888051411158, 0.8833633476296111], // 159
    [-6.096516624864989e-10, 0.4713967334477503, 0.8819212661540659], // 160
    [-2.7190485973882517e-11, 0.47410021450012785, 0.8804708891331574], // 161
    [3.498621975461802e-09, 0.47679924938619966, 0.8790122159473989], // 162
    [-3.996794201155396e-09, 0.47949373562271025, 0.8775453022485953], // 163
    [1.1935213789504573e-08, 0.48218383777663393, 0.8760700580358838], // 164
    [2.6250401158334213e-09, 0.48486926242588524, 0.87458664428093], // 165
    [2.421243150418917e-09, 0.48755017343093404, 0.8730949710011312], // 166
    [-1.4811098791867039e-08, 0.49022640217688473, 0.8715951322768544], // 167
    [-3.1396157895713372e-09, 0.4928981750657625, 0.8700870008320093], // 168
    [1.6654035095431396e-10, 0.4955652627346483, 0.8685707054527795], // 169
    [4.437944539636973e-09, 0.4982276911498702, 0.8670462316228988], // 170
    [6.447030131973008e-10, 0.5008853861172534, 0.8655136220615883], // 171
    [1.268844751489695e-09, 0.5035383906136432, 0.863972852107184], // 172
    [-3.2156996510046554e-10, 0.5061866436026418, 0.8624239571337824], // 173
    [-6.604389535258548e-10, 0.5088301389708016, 0.8608669407492395], // 174
    [-1.993491996477026e-09, 0.5114688396748029, 0.859301824763401], // 175
    [-7.881055363867517e-09, 0.5141027017201032, 0.8577286354576782], // 176
    [-4.4756114578325956e-08, 0.516731558259616, 0.8561474736858067], // 177
    [-1.2043419955753976e-08, 0.519355925500297, 0.8545580276656056], // 178
    [-1.9129692274688637e-09, 0.5219752826849601, 0.8529606112042666], // 179
    [-1.1301724417434045e-09, 0.5245896766329251, 0.8513551968304199], // 180
    [1.2944660343627845e-09, 0.5271991416931655, 0.8497417637129469], // 181
    [2.9051107366950824e-08, 0.5298037794966531, 0.848120248096378], // 182
    [-3.6264315439460404e-09, 0.5324031085894435, 0.8464909509051454], // 183
    [8.309696056252314e-09, 0.5349976639980503, 0.8448535373167525], // 184
    [-7.709559393664911e-09, 0.53758703545014, 0.8432082656828798], // 185
    [1.3435870499511893e-08, 0.5401715437740161, 0.841554931835585], // 186
    [-1.8160276060719127e-09, 0.5427507752809598, 0.8398938003890236], // 187
    [4.009085244338628e-09, 0.5453250095367803, 0.8382246918181965], // 188
    [2.114215454096513e-08, 0.547894170300158, 0.8365476544412168], // 189
    [-7.235012505768523e-09, 0.550457934984636, 0.8348629000096065], // 190
    [-4.322481400587108e-09, 0.5530166829519991, 0.8331701797212668], // 191
    [-5.4763648671407594e-08, 0.5555699469190635, 0.8314698034687423], // 192
    [8.880153667956137e-09, 0.5581185775176235, 0.8297612026539349], // 193
    [-5.852610479584186e-10, 0.560661573152363, 0.8280450473194786], // 194
    [-2.6666227281868515e-08, 0.5631992055646845, 0.8263211572090529], // 195
    [-5.83605151704969e-09, 0.5657317805467533, 0.8245893235298406], // 196
    [3.4922258737579703e-08, 0.5682591332223044, 0.8228496566867093], // 197
    [-1.0218628901381699e-08, 0.5707806931676366, 0.8211025516383884], // 198
    [-1.728305998316415e-09, 0.5732971578005288, 0.8193475263023838], // 199
    [-1.3793890474289583e-09, 0.5758081843318729, 0.8175848181420885], // 200
    [-3.1713452142145826e-09, 0.5783137801556154, 0.8158144223303009], // 201
    [3.5002601095346364e-09, 0.5808139759986887, 0.8140363169322329], // 202
    [-4.924542190698489e-09, 0.5833086278051938, 0.8122506046338297], // 203
    [-3.86304989385966e-09, 0.5857978377848122, 0.8104572124712315], // 204
    [6.259160731381108e-09, 0.5882815800250439, 0.8086561584525513], // 205
    [-9.050246260744466e-09, 0.590759655977992, 0.8068475871369788], // 206
    [-4.249032833913979e-09, 0.5932322735475073, 0.8050313469807592], // 207
    [2.0205713491261434e-10, 0.5956993055121554, 0.8032075307243675], // 208
    [-6.74782128784468e-09, 0.5981606730197458, 0.8013761970838444], // 209
    [1.9877954324232228e-08, 0.600616579243567, 0.7995371940927801], // 210
    [5.1287326052751325e-09, 0.6030666242457576, 0.7976908215097038], // 211
    [-1.6732839835942315e-09, 0.6055110330372517, 0.7958369109749561], // 212
    [1.165264645885955e-08, 0.6079498430992718, 0.7939754330428435], // 213
    [-1.3810321719542884e-08, 0.6103827375429932, 0.792106630264841], // 214
    [2.931547365969678e-09, 0.6128100969850199, 0.790230210149682], // 215
    [-3.2593405335790138e-09, 0.6152315744360483, 0.7883464402259588], // 216
    [1.888758593970863e-11, 0.6176473080311359, 0.786455213525787], // 217
    [-7.04865467382465e-09, 0.6200571770168433, 0.7845566246166704], // 218
    [9.84792150604541e-10, 0.6224612842169035, 0.7826505923150147], // 219
    [-2.566023407646334e-09, 0.6248594755547157, 0.7807372386465793], // 220
    [1.05160997410092e-08, 0.6272518669551349, 0.7788164709360593], // 221
    [3.0372553500024324e-09, 0.6296382537407853, 0.776888453657444], // 222
    [-8.60710133721021e-09, 0.6320186940303343, 0.774953140774454], // 223
    [-5.134889236035889e-09, 0.6343932592236529, 0.7730104738304593], // 224
    [-2.3897712572718e-08, 0.6367617454586428, 0.7710606198739905], // 225
    [8.919356697667524e-09, 0.6391244879658416, 0.7691033018277849], // 226
    [-1.6070920316746395e-08, 0.6414809353455235, 0.7671389767103691], // 227
    [-7.433386101096673e-09, 0.6438315071523917, 0.7651672956928307], // 228
    [1.135280203179434e-08, 0.6461760674228869, 0.7631883711705078], // 229
    [1.290397094733109e-10, 0.6485144016392804, 0.761202384958459], // 230
    [-7.293987608347763e-09, 0.6508466502022211, 0.7592092188063496], // 231
    [-1.0988975285286529e-09, 0.6531728377255701, 0.7572088510163666], // 232
    [-3.6841576595003644e-09, 0.6554928355180285, 0.7552013920700457], // 233
    [2.0158295865879694e-10, 0.6578066942510523, 0.7531867982104457], // 234
    [6.069356794924374e-09, 0.6601143707130223, 0.7511651067362958], // 235
    [1.242851385696575e-08, 0.662415836090722, 0.7491363427949747], // 236
    [-6.688439024848947e-09, 0.6647109468066641, 0.7471006339144601], // 237
    [-1.9633781545014273e-09, 0.6669999131124044, 0.7450577936697562], // 238
    [-7.1254454697688985e-09, 0.6692825550818021, 0.7430079820992332], // 239
    [2.112650790420112e-09, 0.6715589646825343, 0.740951116440567], // 240
    [-1.1260275378788265e-08, 0.673828948102183, 0.7388873721342825], // 241
    [1.9653870822478048e-08, 0.6760927945639875, 0.7368164853874116], // 242
    [1.6040188954846712e-08, 0.6783501171793987, 0.734738809729482], // 243
    [1.1975920671813967e-09, 0.6806010033084514, 0.7326542665510993], // 244
    [1.0653107146429974e-09, 0.6828455512753026, 0.7305627646571704], // 245
    [-1.515662922946248e-08, 0.685083598399642, 0.7284644556900481], // 246
    [-2.3228977075184787e-09, 0.6873153302904043, 0.7263591651158485], // 247
    [-1.535098589910966e-09, 0.68954053775148, 0.7242470896022984], // 248
    [4.103366091356975e-09, 0.691759276982218, 0.7221281760941329], // 249
    [-4.988735355371254e-09, 0.693971438321068, 0.7200025297140199], // 250
    [-4.59962293253291e-09, 0.696177110744815, 0.7178700651754477], // 251
    [-3.625198738421709e-09, 0.6983762331062023, 0.7157308411912898], // 252
    [1.0415403817187752e-09, 0.7005687986130842, 0.7135848641961374], // 253
    [-9.12368529337737e-09, 0.7027547036738006, 0.711432236031197], // 254
    [-4.19364640236175e-09, 0.7049340616869505, 0.709272845013496], // 255
];
