#include "bundles/organization_registry.h"

#include <gtest/gtest.h>

#include "sharing_test_fixture.h"

namespace pillarbox::bundles {
namespace {

class OrganizationRegistryTest : public test::SharingTest {};

TEST_F(OrganizationRegistryTest, AdminRegistersAnOrganizationWithItsPublicKeyAudited) {
  const privacy::BoxKeyPair key = privacy::BoxKeyPair::Generate();
  auto created = organizations_->Create(*both_, {"Union of Voice Actors", privacy::ToHex(key.public_key.bytes)});
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(created->public_key, std::vector<uint8_t>(key.public_key.bytes.begin(), key.public_key.bytes.end()));
  EXPECT_EQ(created->created_by, both_->identity.user_id);
  const auto listed = organizations_->List(*both_);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0], *created);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'organization.created' AND object_id = ?",
                  created->id),
            1);
}

TEST_F(OrganizationRegistryTest, OnlyAdminsRegisterAndOnlyStaffList) {
  const std::string key(64, 'a');
  EXPECT_EQ(organizations_->Create(*alice_, {"X", key}).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(organizations_->Create(*partner_, {"X", key}).status().code(), StatusCode::kPermissionDenied);
  ASSERT_TRUE(organizations_->Create(*both_, {"Union", key}).ok());
  const auto listed = organizations_->List(*alice_);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().name, "Union");
  EXPECT_EQ(organizations_->List(*partner_).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(organizations_->List(*researcher_).status().code(), StatusCode::kPermissionDenied);
}

TEST_F(OrganizationRegistryTest, RefusesMalformedKeysAndNamesAndDuplicates) {
  EXPECT_EQ(organizations_->Create(*both_, {"X", std::string(62, 'a')}).status().field(), "public_key");
  EXPECT_EQ(organizations_->Create(*both_, {"X", std::string(66, 'a')}).status().field(), "public_key");
  EXPECT_EQ(organizations_->Create(*both_, {"X", std::string(63, 'a') + "g"}).status().field(), "public_key");
  EXPECT_EQ(organizations_->Create(*both_, {"X", std::string(64, '0')}).status().field(), "public_key");
  EXPECT_EQ(organizations_->Create(*both_, {"", std::string(64, 'a')}).status().field(), "name");
  EXPECT_EQ(organizations_->Create(*both_, {"a\nb", std::string(64, 'a')}).status().field(), "name");
  ASSERT_TRUE(organizations_->Create(*both_, {"Legal Aid", std::string(64, 'a')}).ok());
  const auto again = organizations_->Create(*both_, {"legal aid", std::string(64, 'b')});
  EXPECT_EQ(again.status().code(), StatusCode::kConflict);
  EXPECT_EQ(again.status().field(), "name");
  EXPECT_EQ(Count("SELECT count(*) FROM organizations"), 1);
}

}  // namespace
}  // namespace pillarbox::bundles
