package com.tierpoint.core.engagement.infrastructure;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** {@code member_group}: the WeCom customer groups each member belongs to. */
@Mapper
public interface MemberGroupMapper {

    class Membership {
        public Long memberId;
        public String groupId;
        public Long joinedAt;
    }

    /** Members of a group with a member id above {@code after}, ascending; from the (group_id, member_id) index. */
    @Select(
            """
            SELECT member_id, group_id, joined_at FROM member_group
             WHERE group_id = #{groupId} AND member_id > #{after}
             ORDER BY member_id LIMIT #{limit}
            """)
    List<Membership> membersOf(@Param("groupId") String groupId, @Param("after") long after, @Param("limit") int limit);

    @Select("SELECT group_id FROM member_group WHERE member_id = #{memberId}")
    List<String> groupsOf(@Param("memberId") long memberId);

    @Insert("INSERT INTO member_group (member_id, group_id, joined_at) VALUES (#{memberId}, #{groupId}, #{now})")
    void add(@Param("memberId") long memberId, @Param("groupId") String groupId, @Param("now") long nowMs);

    @Delete("DELETE FROM member_group WHERE member_id = #{memberId} AND group_id = #{groupId}")
    int remove(@Param("memberId") long memberId, @Param("groupId") String groupId);
}
