//! Data for `log2`, copied from ARM-software/optimized-routines `math/log2_data.c`
//! (commit e17e986041ac), Copyright (c) 2018 Arm Limited,
//! SPDX-License-Identifier: MIT OR Apache-2.0 WITH LLVM-exception.
//!
//! The configuration glibc builds: `LOG2_TABLE_BITS` 6, `LOG2_POLY_ORDER` 7, `LOG2_POLY1_ORDER`
//! 11, fma available (so no `tab2`). The values are the C source's hex-float literals (kept in the
//! comments) as IEEE-754 bit patterns, checked bit for bit against the table inside glibc 2.36's
//! libm.so.6 (x86-64, `__log2_data`); the native tests compare the whole function with glibc.

const fn f(b: u64) -> f64 {
    f64::from_bits(b)
}

/// invln2hi = 0x1.7154765200000p+0 (33 significant bits).
pub(super) const INVLN2HI: f64 = f(0x3ff7154765200000);
/// invln2lo = 0x1.705fc2eefa200p-33.
pub(super) const INVLN2LO: f64 = f(0x3de705fc2eefa200);

/// A[0..6]: log2(1 + r) ~= r/ln2 + r^2 (A[0] + A[1] r + ...), |r| < 1/128.
pub(super) const A: [f64; 6] = [
    f(0xbfe71547652b8339), // -0x1.71547652b8339p-1
    f(0x3fdec709dc3a04be), // 0x1.ec709dc3a04bep-2
    f(0xbfd7154764702ffb), // -0x1.7154764702ffbp-2
    f(0x3fd2776c50034c48), // 0x1.2776c50034c48p-2
    f(0xbfcec7b328ea92bc), // -0x1.ec7b328ea92bcp-3
    f(0x3fca6225e117f92e), // 0x1.a6225e117f92ep-3
];

/// B[0..10]: the polynomial for |x - 1| < ~0.043: log2(1 + r) ~= r/ln2 + r^2 (B[0] + B[1] r + ...).
pub(super) const B: [f64; 10] = [
    f(0xbfe71547652b82fe), // -0x1.71547652b82fep-1
    f(0x3fdec709dc3a03f7), // 0x1.ec709dc3a03f7p-2
    f(0xbfd71547652b7c3f), // -0x1.71547652b7c3fp-2
    f(0x3fd2776c50f05be4), // 0x1.2776c50f05be4p-2
    f(0xbfcec709dd768fe5), // -0x1.ec709dd768fe5p-3
    f(0x3fca61761ec4e736), // 0x1.a61761ec4e736p-3
    f(0xbfc7153fbc64a79b), // -0x1.7153fbc64a79bp-3
    f(0x3fc484d154f01b4a), // 0x1.484d154f01b4ap-3
    f(0xbfc289e4a72c383c), // -0x1.289e4a72c383cp-3
    f(0x3fc0b32f285aee66), // 0x1.0b32f285aee66p-3
];

/// `(invc, logc)` for each of the 64 subintervals: `logc = log2(c)`, `invc = 1/c`.
#[rustfmt::skip]
pub(super) const TAB: [(f64, f64); 64] = [
    (f(0x3ff724286bb1acf8), f(0xbfe1095feecdb000)), // 0x1.724286bb1acf8p+0, -0x1.1095feecdb000p-1
    (f(0x3ff6e1f766d2cca1), f(0xbfe08494bd76d000)), // 0x1.6e1f766d2cca1p+0, -0x1.08494bd76d000p-1
    (f(0x3ff6a13d0e30d48a), f(0xbfe00143aee8f800)), // 0x1.6a13d0e30d48ap+0, -0x1.00143aee8f800p-1
    (f(0x3ff661ec32d06c85), f(0xbfdefec5360b4000)), // 0x1.661ec32d06c85p+0, -0x1.efec5360b4000p-2
    (f(0x3ff623fa951198f8), f(0xbfddfdd91ab7e000)), // 0x1.623fa951198f8p+0, -0x1.dfdd91ab7e000p-2
    (f(0x3ff5e75ba4cf026c), f(0xbfdcffae0cc79000)), // 0x1.5e75ba4cf026cp+0, -0x1.cffae0cc79000p-2
    (f(0x3ff5ac055a214fb8), f(0xbfdc043811fda000)), // 0x1.5ac055a214fb8p+0, -0x1.c043811fda000p-2
    (f(0x3ff571ed0f166e1e), f(0xbfdb0b67323ae000)), // 0x1.571ed0f166e1ep+0, -0x1.b0b67323ae000p-2
    (f(0x3ff53909590bf835), f(0xbfda152f5a2db000)), // 0x1.53909590bf835p+0, -0x1.a152f5a2db000p-2
    (f(0x3ff5014fed61addd), f(0xbfd9217f5af86000)), // 0x1.5014fed61adddp+0, -0x1.9217f5af86000p-2
    (f(0x3ff4cab88e487bd0), f(0xbfd8304db0719000)), // 0x1.4cab88e487bd0p+0, -0x1.8304db0719000p-2
    (f(0x3ff49539b4334fee), f(0xbfd74189f9a9e000)), // 0x1.49539b4334feep+0, -0x1.74189f9a9e000p-2
    (f(0x3ff460cbdfafd569), f(0xbfd6552bb5199000)), // 0x1.460cbdfafd569p+0, -0x1.6552bb5199000p-2
    (f(0x3ff42d664ee4b953), f(0xbfd56b23a29b1000)), // 0x1.42d664ee4b953p+0, -0x1.56b23a29b1000p-2
    (f(0x3ff3fb01111dd8a6), f(0xbfd483650f5fa000)), // 0x1.3fb01111dd8a6p+0, -0x1.483650f5fa000p-2
    (f(0x3ff3c995b70c5836), f(0xbfd39de937f6a000)), // 0x1.3c995b70c5836p+0, -0x1.39de937f6a000p-2
    (f(0x3ff3991c4ab6fd4a), f(0xbfd2baa1538d6000)), // 0x1.3991c4ab6fd4ap+0, -0x1.2baa1538d6000p-2
    (f(0x3ff3698e0ce099b5), f(0xbfd1d98340ca4000)), // 0x1.3698e0ce099b5p+0, -0x1.1d98340ca4000p-2
    (f(0x3ff33ae48213e7b2), f(0xbfd0fa853a40e000)), // 0x1.33ae48213e7b2p+0, -0x1.0fa853a40e000p-2
    (f(0x3ff30d191985bdb1), f(0xbfd01d9c32e73000)), // 0x1.30d191985bdb1p+0, -0x1.01d9c32e73000p-2
    (f(0x3ff2e025cab271d7), f(0xbfce857da2fa6000)), // 0x1.2e025cab271d7p+0, -0x1.e857da2fa6000p-3
    (f(0x3ff2b404cf13cd82), f(0xbfccd3c8633d8000)), // 0x1.2b404cf13cd82p+0, -0x1.cd3c8633d8000p-3
    (f(0x3ff288b02c7ccb50), f(0xbfcb26034c14a000)), // 0x1.288b02c7ccb50p+0, -0x1.b26034c14a000p-3
    (f(0x3ff25e2263944de5), f(0xbfc97c1c2f4fe000)), // 0x1.25e2263944de5p+0, -0x1.97c1c2f4fe000p-3
    (f(0x3ff234563d8615b1), f(0xbfc7d6023f800000)), // 0x1.234563d8615b1p+0, -0x1.7d6023f800000p-3
    (f(0x3ff20b46e33eaf38), f(0xbfc633a71a05e000)), // 0x1.20b46e33eaf38p+0, -0x1.633a71a05e000p-3
    (f(0x3ff1e2eefdcda3dd), f(0xbfc494f5e9570000)), // 0x1.1e2eefdcda3ddp+0, -0x1.494f5e9570000p-3
    (f(0x3ff1bb4a580b3930), f(0xbfc2f9e424e0a000)), // 0x1.1bb4a580b3930p+0, -0x1.2f9e424e0a000p-3
    (f(0x3ff19453847f2200), f(0xbfc162595afdc000)), // 0x1.19453847f2200p+0, -0x1.162595afdc000p-3
    (f(0x3ff16e06c0d5d73c), f(0xbfbf9c9a75bd8000)), // 0x1.16e06c0d5d73cp+0, -0x1.f9c9a75bd8000p-4
    (f(0x3ff1485f47b7e4c2), f(0xbfbc7b575bf9c000)), // 0x1.1485f47b7e4c2p+0, -0x1.c7b575bf9c000p-4
    (f(0x3ff12358ad0085d1), f(0xbfb960c60ff48000)), // 0x1.12358ad0085d1p+0, -0x1.960c60ff48000p-4
    (f(0x3ff0fef00f532227), f(0xbfb64ce247b60000)), // 0x1.0fef00f532227p+0, -0x1.64ce247b60000p-4
    (f(0x3ff0db2077d03a8f), f(0xbfb33f78b2014000)), // 0x1.0db2077d03a8fp+0, -0x1.33f78b2014000p-4
    (f(0x3ff0b7e6d65980d9), f(0xbfb0387d1a42c000)), // 0x1.0b7e6d65980d9p+0, -0x1.0387d1a42c000p-4
    (f(0x3ff0953efe7b408d), f(0xbfaa6f9208b50000)), // 0x1.0953efe7b408dp+0, -0x1.a6f9208b50000p-5
    (f(0x3ff07325cac53b83), f(0xbfa47a954f770000)), // 0x1.07325cac53b83p+0, -0x1.47a954f770000p-5
    (f(0x3ff05197e40d1b5c), f(0xbf9d23a8c50c0000)), // 0x1.05197e40d1b5cp+0, -0x1.d23a8c50c0000p-6
    (f(0x3ff03091c1208ea2), f(0xbf916a2629780000)), // 0x1.03091c1208ea2p+0, -0x1.16a2629780000p-6
    (f(0x3ff0101025b37e21), f(0xbf7720f8d8e80000)), // 0x1.0101025b37e21p+0, -0x1.720f8d8e80000p-8
    (f(0x3fefc07ef9caa76b), f(0x3f86fe53b1500000)), // 0x1.fc07ef9caa76bp-1, 0x1.6fe53b1500000p-7
    (f(0x3fef4465d3f6f184), f(0x3fa11ccce10f8000)), // 0x1.f4465d3f6f184p-1, 0x1.11ccce10f8000p-5
    (f(0x3feecc079f84107f), f(0x3fac4dfc8c8b8000)), // 0x1.ecc079f84107fp-1, 0x1.c4dfc8c8b8000p-5
    (f(0x3fee573a99975ae8), f(0x3fb3aa321e574000)), // 0x1.e573a99975ae8p-1, 0x1.3aa321e574000p-4
    (f(0x3fede5d6f0bd3de6), f(0x3fb918a0d08b8000)), // 0x1.de5d6f0bd3de6p-1, 0x1.918a0d08b8000p-4
    (f(0x3fed77b681ff38b3), f(0x3fbe72e9da044000)), // 0x1.d77b681ff38b3p-1, 0x1.e72e9da044000p-4
    (f(0x3fed0cb5724de943), f(0x3fc1dcd2507f6000)), // 0x1.d0cb5724de943p-1, 0x1.1dcd2507f6000p-3
    (f(0x3feca4b2dc0e7563), f(0x3fc476ab03dea000)), // 0x1.ca4b2dc0e7563p-1, 0x1.476ab03dea000p-3
    (f(0x3fec3f8ee8d6cb51), f(0x3fc7074377e22000)), // 0x1.c3f8ee8d6cb51p-1, 0x1.7074377e22000p-3
    (f(0x3febdd2b4f020c4c), f(0x3fc98ede8ba94000)), // 0x1.bdd2b4f020c4cp-1, 0x1.98ede8ba94000p-3
    (f(0x3feb7d6c006015ca), f(0x3fcc0db86ad2e000)), // 0x1.b7d6c006015cap-1, 0x1.c0db86ad2e000p-3
    (f(0x3feb20366e2e338f), f(0x3fce840aafcee000)), // 0x1.b20366e2e338fp-1, 0x1.e840aafcee000p-3
    (f(0x3feac57026295039), f(0x3fd0790ab4678000)), // 0x1.ac57026295039p-1, 0x1.0790ab4678000p-2
    (f(0x3fea6d01bc2731dd), f(0x3fd1ac056801c000)), // 0x1.a6d01bc2731ddp-1, 0x1.1ac056801c000p-2
    (f(0x3fea16d3bc3ff18b), f(0x3fd2db11d4fee000)), // 0x1.a16d3bc3ff18bp-1, 0x1.2db11d4fee000p-2
    (f(0x3fe9c2d14967fead), f(0x3fd406464ec58000)), // 0x1.9c2d14967feadp-1, 0x1.406464ec58000p-2
    (f(0x3fe970e4f47c9902), f(0x3fd52dbe093af000)), // 0x1.970e4f47c9902p-1, 0x1.52dbe093af000p-2
    (f(0x3fe920fb3982bcf2), f(0x3fd651902050d000)), // 0x1.920fb3982bcf2p-1, 0x1.651902050d000p-2
    (f(0x3fe8d30187f759f1), f(0x3fd771d2cdeaf000)), // 0x1.8d30187f759f1p-1, 0x1.771d2cdeaf000p-2
    (f(0x3fe886e5ebb9f66d), f(0x3fd88e9c857d9000)), // 0x1.886e5ebb9f66dp-1, 0x1.88e9c857d9000p-2
    (f(0x3fe83c97b658b994), f(0x3fd9a80155e16000)), // 0x1.83c97b658b994p-1, 0x1.9a80155e16000p-2
    (f(0x3fe7f405ffc61022), f(0x3fdabe186ed3d000)), // 0x1.7f405ffc61022p-1, 0x1.abe186ed3d000p-2
    (f(0x3fe7ad22181415ca), f(0x3fdbd0f2aea0e000)), // 0x1.7ad22181415cap-1, 0x1.bd0f2aea0e000p-2
    (f(0x3fe767dcf99eff8c), f(0x3fdce0a43dbf4000)), // 0x1.767dcf99eff8cp-1, 0x1.ce0a43dbf4000p-2
];
