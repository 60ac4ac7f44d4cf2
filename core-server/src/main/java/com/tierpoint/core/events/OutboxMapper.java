package com.tierpoint.core.events;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface OutboxMapper extends BaseMapper<OutboxRow> {

    @Select("SELECT * FROM outbox_event WHERE member_id = #{memberId} ORDER BY member_version, id")
    List<OutboxRow> ofMember(@Param("memberId") long memberId);
}
