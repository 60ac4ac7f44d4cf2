package com.tierpoint.core.engagement.infrastructure;

import java.util.Collection;
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
    }

    @Select("SELECT group_id FROM member_group WHERE member_id = #{memberId}")
    List<String> groupsOf(@Param("memberId") long memberId);

    @Insert("INSERT INTO member_group (member_id, group_id, joined_at) VALUES (#{memberId}, #{groupId}, #{now})")
    void add(@Param("memberId") long memberId, @Param("groupId") String groupId, @Param("now") long nowMs);

    @Delete("DELETE FROM member_group WHERE member_id = #{memberId} AND group_id = #{groupId}")
    int remove(@Param("memberId") long memberId, @Param("groupId") String groupId);

    @Select(
            """
            <script>
            SELECT member_id, group_id FROM member_group WHERE member_id IN
            <foreach item="id" collection="memberIds" open="(" separator="," close=")">#{id}</foreach>
            </script>
            """)
    List<Membership> groupsOfMembers(@Param("memberIds") Collection<Long> memberIds);
}
