package com.tierpoint.core.shared.infrastructure;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface IdempotencyMapper extends BaseMapper<IdempotencyRow> {

    @Select("SELECT * FROM idempotency_record WHERE client_id = #{clientId} AND idem_key = #{key}")
    IdempotencyRow find(@Param("clientId") String clientId, @Param("key") String key);

    @Update("UPDATE idempotency_record SET response = #{response} WHERE client_id = #{clientId} AND idem_key = #{key}")
    int complete(@Param("clientId") String clientId, @Param("key") String key, @Param("response") String response);
}
