#pragma once
// Sanitizer builds run the core several times slower; waits on real training scale with this
// (the condition checked stays the same, only the time allowed grows).
#if defined(__SANITIZE_ADDRESS__)
#define NS_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NS_TEST_SANITIZED 1
#endif
#endif

namespace ns::test {
#ifdef NS_TEST_SANITIZED
inline constexpr int kSanitizerSlowdown = 4;
#else
inline constexpr int kSanitizerSlowdown = 1;
#endif
}  // namespace ns::test
