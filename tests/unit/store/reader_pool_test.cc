// ReaderPool (store/reader_pool.h): TryAcquire lends a free connection
// without waiting and gives nothing while every connection is lent.
#include "store/reader_pool.h"

#include <gtest/gtest.h>

#include "store/database.h"
#include "support/temp_dir.h"

namespace pillarbox::store {
namespace {

class ReaderPoolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(dir_.File("pool.db"), OpenMode::kReadWriteCreate);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Execute("CREATE TABLE t (x INTEGER)").ok());
  }
  pillarbox::testing::TempDir dir_;
};

TEST_F(ReaderPoolTest, TryAcquireLendsOnlyFreeConnections) {
  auto pool = ReaderPool::Open(dir_.File("pool.db"), 2);
  ASSERT_TRUE(pool.ok());
  {
    auto first = (*pool)->Acquire();
    auto second = (*pool)->TryAcquire();
    ASSERT_TRUE(second.has_value());
    EXPECT_NE(&first.db(), &second->db());
    EXPECT_TRUE(second->db().Execute("SELECT x FROM t").ok());
    EXPECT_FALSE((*pool)->TryAcquire().has_value());  // both lent: no waiting, nothing
  }
  auto again = (*pool)->TryAcquire();  // both returned
  ASSERT_TRUE(again.has_value());
  auto other = (*pool)->TryAcquire();
  EXPECT_TRUE(other.has_value());
}

}  // namespace
}  // namespace pillarbox::store
