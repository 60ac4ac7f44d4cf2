package com.tierpoint.core.program.infrastructure;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface ProgramMapper extends BaseMapper<ProgramRow> {

    long ROW_ID = 1L;

    @Select("SELECT * FROM program WHERE id = 1")
    ProgramRow current();

    /** The version alone: enough to tell whether the program held in memory is still the one in force. */
    @Select("SELECT version FROM program WHERE id = 1")
    Long currentVersion();

    @Select("SELECT * FROM program WHERE id = 1 FOR UPDATE")
    ProgramRow lockCurrent();

    @Update(
            """
            UPDATE program SET version = #{newVersion}, definition = #{definition}, updated_at = #{at}
             WHERE id = 1 AND version = #{newVersion} - 1
            """)
    int replace(@Param("newVersion") long newVersion, @Param("definition") String definition, @Param("at") long at);
}
