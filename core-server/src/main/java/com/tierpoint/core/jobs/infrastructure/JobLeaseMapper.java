package com.tierpoint.core.jobs.infrastructure;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Leases and watermarks of the scheduled jobs, one row per job. */
@Mapper
public interface JobLeaseMapper {

    @Select("SELECT COUNT(*) FROM job_lease WHERE name = #{name}")
    int exists(@Param("name") String name);

    @Insert("INSERT INTO job_lease (name, owner, lease_until, cursor_ms) VALUES (#{name}, NULL, 0, 0)")
    int create(@Param("name") String name);

    /** Takes the lease when it is free or already ours; 1 when taken. */
    @Update(
            """
            UPDATE job_lease SET owner = #{owner}, lease_until = #{until}
             WHERE name = #{name} AND (lease_until <= #{now} OR owner = #{owner})
            """)
    int acquire(
            @Param("name") String name,
            @Param("owner") String owner,
            @Param("now") long now,
            @Param("until") long until);

    @Update(
            """
            UPDATE job_lease SET lease_until = 0, last_run_at = #{now}, last_result = #{result}
             WHERE name = #{name} AND owner = #{owner}
            """)
    int release(
            @Param("name") String name,
            @Param("owner") String owner,
            @Param("now") long now,
            @Param("result") String result);

    @Select("SELECT cursor_ms FROM job_lease WHERE name = #{name}")
    Long cursor(@Param("name") String name);

    /** Moves a watermark forward only. */
    @Update("UPDATE job_lease SET cursor_ms = #{cursor} WHERE name = #{name} AND cursor_ms < #{cursor}")
    int advanceCursor(@Param("name") String name, @Param("cursor") long cursor);
}
