package com.tierpoint.core.shared.infrastructure;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
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

    /** Which of these keys of the client are stored. */
    @Select(
            """
            <script>
            SELECT idem_key FROM idempotency_record WHERE client_id = #{clientId} AND idem_key IN
            <foreach item="k" collection="keys" open="(" separator="," close=")">#{k}</foreach>
            </script>
            """)
    List<String> storedKeys(@Param("clientId") String clientId, @Param("keys") Collection<String> keys);

    /** Claims several keys with their results in one statement; fails as a whole on a key already taken. */
    @Insert(
            """
            <script>
            INSERT INTO idempotency_record (client_id, idem_key, operation, request_hash, response, created_at) VALUES
            <foreach item="r" collection="rows" separator=",">
              (#{r.clientId}, #{r.idemKey}, #{r.operation}, #{r.requestHash}, #{r.response}, #{r.createdAt})
            </foreach>
            </script>
            """)
    int insertAll(@Param("rows") List<IdempotencyRow> rows);
}
