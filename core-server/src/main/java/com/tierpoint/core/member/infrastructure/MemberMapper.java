package com.tierpoint.core.member.infrastructure;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface MemberMapper extends BaseMapper<MemberRow> {

    /** Locks the member row for the rest of the transaction: every write to a member goes through here. */
    @Select("SELECT * FROM member WHERE id = #{id} FOR UPDATE")
    MemberRow lockById(@Param("id") long id);

    @Select("SELECT * FROM member WHERE app_id = #{appId} AND openid = #{openid}")
    MemberRow findByIdentity(@Param("appId") String appId, @Param("openid") String openid);

    /** Ids of members with this phone, newest enrolled first. */
    @Select("SELECT id FROM member WHERE phone = #{phone} ORDER BY enrolled_at DESC, id DESC LIMIT #{limit}")
    List<Long> idsByPhone(@Param("phone") String phone, @Param("limit") int limit);

    /** Ids of members with this unionid, newest enrolled first. */
    @Select("SELECT id FROM member WHERE unionid = #{unionid} ORDER BY enrolled_at DESC, id DESC LIMIT #{limit}")
    List<Long> idsByUnionid(@Param("unionid") String unionid, @Param("limit") int limit);

    /** Members carrying any of these unionids (at least one), oldest enrolled first. */
    @Select(
            """
            <script>
            SELECT id, unionid FROM member WHERE unionid IN
            <foreach item="u" collection="unionids" open="(" separator="," close=")">#{u}</foreach>
            ORDER BY enrolled_at, id
            </script>
            """)
    List<UnionidOwner> ownersOfUnionids(@Param("unionids") Collection<String> unionids);

    /** A member id and its unionid. */
    class UnionidOwner {
        public long id;
        public String unionid;
    }

    /** Sets the phone of a locked member (its version moves on when the change is saved). */
    @Update("UPDATE member SET phone = #{phone} WHERE id = #{id}")
    int setPhone(@Param("id") long id, @Param("phone") String phone);

    /**
     * Writes the counters of a locked member and moves its version on by one. The version guard
     * makes a lost update impossible even if a caller forgot the lock.
     */
    @Update(
            """
            UPDATE member SET tier_code = #{m.tierCode}, tier_since = #{m.tierSince},
                   tier_valid_until = #{m.tierValidUntil}, points_balance = #{m.pointsBalance},
                   growth_value = #{m.growthValue}, total_spend_fen = #{m.totalSpendFen},
                   order_count = #{m.orderCount}, valid_invites = #{m.validInvites},
                   version = version + 1, updated_at = #{m.updatedAt}
             WHERE id = #{m.id} AND version = #{m.version}
            """)
    int saveCounters(@Param("m") MemberRow member);
}
