#include "app/listen_address.h"

#include <gtest/gtest.h>

namespace pillarbox::app {
namespace {

TEST(ListenAddressTest, ParsesHostAndPort) {
  auto address = ParseListenAddress("127.0.0.1:8080");
  ASSERT_TRUE(address.ok());
  EXPECT_EQ(address->host, "127.0.0.1");
  EXPECT_EQ(address->port, 8080);
  EXPECT_EQ(ParseListenAddress("0.0.0.0:0")->port, 0);
}

TEST(ListenAddressTest, RefusesMalformedValuesNamingTheFlag) {
  for (const char* bad : {"localhost:8080", "127.0.0.1", "127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:80x",
                          "127.0.0.1:-1", ":8080", "999.0.0.1:80"}) {
    auto address = ParseListenAddress(bad);
    ASSERT_FALSE(address.ok()) << bad;
    EXPECT_EQ(address.status().field(), "--listen");
  }
}

}  // namespace
}  // namespace pillarbox::app
